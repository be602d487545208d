/**
 * The site's content components (`<Figure caption="…">` in an MDX body) as HTML trees. Bodies are
 * rendered once, when the content is loaded (src/lib/body-html.ts), not compiled into one module per
 * entry; the props are plain strings, checked by the content policy (src/lib/mdx-policy.ts) before.
 * The look is in src/components/mdx/mdx.css, shared with the CMS's previews.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { viMdx } from '../i18n/vi-mdx.ts';
import { isYouTubeId } from './mdx-policy.ts';

/** An element, with text children given as strings. */
export function element(tagName: string, properties: Properties, children: (ElementContent | string)[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.map((child) => (typeof child === 'string' ? { type: 'text', value: child } : child)),
  };
}

type Component = (props: Readonly<Record<string, string | undefined>>, children: ElementContent[]) => Element;

/** An image with its caption; the image is the Markdown image inside, optimised like any image in the body. */
const Figure: Component = ({ caption }, children) =>
  element('figure', { className: ['mdx-figure'] }, [...children, ...(caption ? [element('figcaption', {}, [caption])] : [])]);

/** A quotation of President Hồ Chí Minh, set apart, with where it comes from. */
const HoChiMinhQuote: Component = ({ source }, children) =>
  element('figure', { className: ['mdx-quote'] }, [
    element('blockquote', {}, children),
    element('figcaption', {}, [`— ${viMdx.hoChiMinh}`, ...(source ? [', ', element('cite', {}, [source])] : [])]),
  ]);

/** A note set apart from the text: something the reader must not miss. */
const Note: Component = ({ title }, children) =>
  element('div', { className: ['mdx-note'], role: 'note' }, [element('p', { className: ['mdx-note-title'] }, [title || viMdx.noteTitle]), ...children]);

/**
 * A link to download a document beside the entry. The link is relative: entry pages are folders
 * (`/bai-viet/<slug>/`), and the entry's `[slug]/[file].ts` route serves the file inside that folder.
 */
const DocumentDownload: Component = ({ file = '', title }) =>
  element('p', { className: ['mdx-download'] }, [
    element('a', { href: encodeURIComponent(file), download: file }, [
      title || `${viMdx.download} ${file}`,
      ' ',
      element('span', { className: ['meta'] }, [`(${file.split('.').pop()!.toUpperCase()})`]),
    ]),
  ]);

/**
 * A YouTube video, loaded only when the reader asks for it: the player sits in a closed <details> and
 * is lazy, so nothing is fetched from YouTube before the click (and no script is needed). It comes from
 * youtube-nocookie.com, the one frame source the site's Content-Security-Policy allows.
 */
const YouTube: Component = ({ id = '', title = '' }) => {
  if (!isYouTubeId(id)) throw new Error(`<YouTube id="${id}">: mã video YouTube phải gồm 11 ký tự chữ, số, - hoặc _`);
  return element('figure', { className: ['mdx-video'] }, [
    element('details', {}, [
      element('summary', {}, [viMdx.videoOpen(title), element('small', {}, [viMdx.videoPrivacy])]),
      element('div', { className: ['mdx-video-frame'] }, [
        element('iframe', {
          src: `https://www.youtube-nocookie.com/embed/${id}`,
          title,
          loading: 'lazy',
          allow: 'encrypted-media; picture-in-picture; fullscreen',
          referrerPolicy: 'strict-origin-when-cross-origin',
        }),
      ]),
    ]),
    element('figcaption', {}, [element('a', { href: `https://www.youtube.com/watch?v=${id}` }, [viMdx.videoOnYouTube])]),
  ]);
};

/** The components by the name content files use; the names and props allowed are in src/lib/mdx-policy.ts. */
export const bodyComponents: Readonly<Record<string, Component>> = { Figure, HoChiMinhQuote, Note, DocumentDownload, YouTube };
