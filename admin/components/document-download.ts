/** "Tài liệu tải về": <DocumentDownload file="…" title="…" /> for a document beside the entry (src/lib/body-components.ts). */
import { viMdx } from '../../src/i18n/vi-mdx';
import { blockPattern, escapeHtml, jsxBlock, parseAttributes } from './jsx';
import type { SiteEditorComponent } from './types';

export const documentDownload: SiteEditorComponent<{ file: string; title: string }> = {
  id: 'document-download',
  label: 'Tài liệu tải về',
  fields: [
    { name: 'file', label: 'Tệp tài liệu', widget: 'file', choose_url: false, media_library: { allow_multiple: false }, hint: 'PDF, Word, Excel, ODT hoặc ODS.' },
    { name: 'title', label: 'Tên tài liệu', widget: 'string', hint: 'Ví dụ: Kế hoạch số 12-KH/ĐUK' },
  ],
  pattern: blockPattern('DocumentDownload', { children: false }),
  fromBlock: (match) => {
    const { file = '', title = '' } = parseAttributes(match[1]);
    return { file, title };
  },
  toBlock: ({ file, title }) => jsxBlock('DocumentDownload', { file, title }),
  toPreview: ({ file = '', title }) =>
    `<p class="mdx-download"><a>${escapeHtml(title || `${viMdx.download} ${file}`)} <span class="meta">(${escapeHtml(file.split('.').pop()?.toUpperCase())})</span></a></p>`,
};
