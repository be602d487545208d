/**
 * The editor components offered in the body editor: one per content component of the site
 * (src/lib/body-components.ts, allow-listed in src/lib/mdx-policy.ts). Their ids are the ones listed under
 * `editor_components` in admin/config.yml.
 */
import { documentDownload } from './document-download';
import { figure } from './figure';
import { hoChiMinhQuote } from './ho-chi-minh-quote';
import { note } from './note';
import { youTube } from './youtube';

export const editorComponents = [figure, hoChiMinhQuote, note, documentDownload, youTube];

/** The site component each editor component writes, for the tests that hold the two together. */
export const componentNames: Record<string, string> = {
  [figure.id]: 'Figure',
  [hoChiMinhQuote.id]: 'HoChiMinhQuote',
  [note.id]: 'Note',
  [documentDownload.id]: 'DocumentDownload',
  [youTube.id]: 'YouTube',
};
