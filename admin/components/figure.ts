/** "Ảnh có chú thích": <Figure caption="…"> around a Markdown image beside the entry (src/lib/body-components.ts). */
import { blockPattern, escapeHtml, jsxBlock, markdownText, parseAttributes, plainText, sitePreview } from './jsx';
import type { SiteEditorComponent } from './types';

const IMAGE = /^!\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)$/;

/** A file name as a Markdown link target: spaces and parentheses would end it early. */
const urlOf = (file: string) => encodeURI(file).replaceAll('(', '%28').replaceAll(')', '%29');

export const figure: SiteEditorComponent<{ image: string; alt: string; caption: string }> = {
  id: 'figure',
  label: 'Ảnh có chú thích',
  fields: [
    { name: 'image', label: 'Ảnh', widget: 'image', choose_url: false, media_library: { allow_multiple: false } },
    { name: 'alt', label: 'Mô tả ảnh', widget: 'string', hint: 'Tả ngắn điều ảnh cho thấy, cho người không xem được ảnh.' },
    { name: 'caption', label: 'Chú thích dưới ảnh', widget: 'string', required: false },
  ],
  pattern: blockPattern('Figure', { children: true }),
  fromBlock(match) {
    const image = IMAGE.exec(match[2].trim());
    return { caption: parseAttributes(match[1]).caption ?? '', alt: plainText(image?.[1] ?? ''), image: image ? decodeURI(image[2]) : '' };
  },
  toBlock({ image = '', alt = '', caption }) {
    return jsxBlock('Figure', { caption }, `![${markdownText(alt.replace(/\s+/g, ' '))}](${urlOf(image)})`);
  },
  toPreview({ image = '', alt, caption }, getAsset, fields) {
    const field = (fields as { find?: (f: (x: { get(k: string): unknown }) => boolean) => unknown } | undefined)?.find?.((f) => f.get('widget') === 'image');
    const src = image ? String(getAsset(image, field) ?? '') : '';
    return sitePreview('Figure', { caption }, `<p><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"></p>`);
  },
};
