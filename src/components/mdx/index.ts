/**
 * The site's content components, by the name content files use (`<Figure caption="…">`). Pages pass
 * this map to `<Content components={mdxComponents} />`, so MDX files need no `import` lines; the names
 * and props content may use are allow-listed in src/lib/mdx-policy.ts.
 */
import DocumentDownload from './DocumentDownload.astro';
import Figure from './Figure.astro';
import HoChiMinhQuote from './HoChiMinhQuote.astro';
import Note from './Note.astro';
import YouTube from './YouTube.astro';

export const mdxComponents = { Figure, HoChiMinhQuote, Note, DocumentDownload, YouTube };
