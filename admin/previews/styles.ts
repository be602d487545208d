/**
 * The stylesheets of the preview pane: the site's fonts, stylesheet and content components, the same
 * files BaseLayout loads, so that an entry is previewed as readers will see it. Inlined as text by
 * Vite (`?inline`); the font files they name are built beside the site's own.
 */
import beVietnamPro400 from '@fontsource/be-vietnam-pro/400.css?inline';
import beVietnamPro700 from '@fontsource/be-vietnam-pro/700.css?inline';
import notoSerif400 from '@fontsource/noto-serif/400.css?inline';
import notoSerif400Italic from '@fontsource/noto-serif/400-italic.css?inline';
import site from '../../src/styles/global.css?inline';
import components from '../../src/components/mdx/mdx.css?inline';

// The pane is narrower than a page: a little air around the text, no sidebar.
const pane = 'body { padding: 1rem; } .preview-tags { margin-top: 1.5rem; }';

export const previewCss = [beVietnamPro400, beVietnamPro700, notoSerif400, notoSerif400Italic, site, components, pane].join('\n');
