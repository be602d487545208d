/** "Ghi chú nổi bật": <Note title="…"> around the text (src/lib/body-components.ts). */
import { viMdx } from '../../src/i18n/vi-mdx';
import { blockPattern, jsxBlock, markdownText, paragraphs, parseAttributes, plainText, sitePreview } from './jsx';
import type { SiteEditorComponent } from './types';

export const note: SiteEditorComponent<{ title: string; text: string }> = {
  id: 'note',
  label: 'Ghi chú nổi bật',
  fields: [
    { name: 'title', label: 'Tiêu đề ghi chú', widget: 'string', required: false, hint: `Để trống thì hiện "${viMdx.noteTitle}".` },
    { name: 'text', label: 'Nội dung ghi chú', widget: 'text' },
  ],
  pattern: blockPattern('Note', { children: true }),
  fromBlock: (match) => ({ title: parseAttributes(match[1]).title ?? '', text: plainText(match[2]) }),
  toBlock: ({ title, text = '' }) => jsxBlock('Note', { title }, markdownText(text)),
  toPreview: ({ title, text = '' }) => sitePreview('Note', { title }, paragraphs(text)),
};
