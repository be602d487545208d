/** "Trích dẫn lời Bác": <HoChiMinhQuote source="…"> around the quoted text (src/lib/body-components.ts). */
import { blockPattern, jsxBlock, markdownText, paragraphs, parseAttributes, plainText, sitePreview } from './jsx';
import type { SiteEditorComponent } from './types';

export const hoChiMinhQuote: SiteEditorComponent<{ text: string; source: string }> = {
  id: 'ho-chi-minh-quote',
  label: 'Trích dẫn lời Bác',
  fields: [
    { name: 'text', label: 'Lời trích dẫn', widget: 'text' },
    { name: 'source', label: 'Nguồn trích dẫn', widget: 'string', required: false, hint: 'Tác phẩm, văn bản, tập và trang; ví dụ: Lời kêu gọi đồng bào và chiến sĩ cả nước, 17/7/1966' },
  ],
  pattern: blockPattern('HoChiMinhQuote', { children: true }),
  fromBlock: (match) => ({ source: parseAttributes(match[1]).source ?? '', text: plainText(match[2]) }),
  toBlock: ({ text = '', source }) => jsxBlock('HoChiMinhQuote', { source }, markdownText(text)),
  toPreview: ({ text = '', source }) => sitePreview('HoChiMinhQuote', { source }, paragraphs(text)),
};

