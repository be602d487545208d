/**
 * What the search index is given for each page: the page's text folded for Vietnamese matching
 * (see search-text.ts), tokens for adjacent syllables and document numbers, and the real title,
 * date and labels as metadata and filters for display.
 */
import { parse } from 'node-html-parser';
import { documentNumberKeys, foldVietnamese, restorationPairs, SEARCH_FILTERS, syllablePairs, titleTokens, TOKEN_SECTION_MARKER } from './search-text.ts';

export interface SearchDocument {
  url: string;
  title: string;
  /** Everything else a reader sees on the page's searchable part, as plain text */
  text: string;
  /** "Bài viết", "Thông báo" or "Trang" */
  type: string;
  /** ISO 8601 with +07:00 */
  date?: string;
  category?: string;
  /** Document number (số, ký hiệu) */
  number?: string;
  /** Notice kind label, e.g. "Giấy mời" */
  kind?: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Reads the searchable part of a built page: the element marked `data-pagefind-body`, its `<h1>` as
 * the title, `data-search-*` attributes as labels, and its text without `data-pagefind-ignore` parts.
 */
export function searchDocumentFromPage(html: string, url: string): SearchDocument | undefined {
  const body = parse(html).querySelector('[data-pagefind-body]');
  if (!body) return undefined;
  for (const ignored of body.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
  const heading = body.querySelector('h1');
  const title = heading?.text.trim() ?? '';
  heading?.remove();
  const attribute = (name: string) => body.getAttribute(`data-search-${name}`) || undefined;
  return {
    url,
    title,
    text: body.structuredText.replace(/[ \t]+/g, ' ').trim(),
    type: attribute('type') ?? 'Trang',
    date: attribute('date'),
    category: attribute('category'),
    number: attribute('number'),
    kind: attribute('kind'),
  };
}

/** The HTML the indexer is given for one page. */
export function searchRecordHtml(doc: SearchDocument): string {
  const numbers = documentNumberKeys([doc.number ?? '', doc.title, doc.text].join('\n'));
  const meta: Record<string, string | undefined> = {
    title: doc.title,
    date: doc.date,
    type: doc.type,
    category: doc.category,
    number: doc.number,
    kind: doc.kind,
    restore: restorationPairs(`${doc.title}\n${doc.text}`),
  };
  const filters: Record<string, string | undefined> = {
    [SEARCH_FILTERS.type]: doc.type,
    [SEARCH_FILTERS.category]: doc.category,
    [SEARCH_FILTERS.year]: doc.date?.slice(0, 4),
    [SEARCH_FILTERS.kind]: doc.kind,
  };
  const tags = (attribute: string, values: Record<string, string | undefined>) =>
    Object.entries(values)
      .filter(([, v]) => v)
      .map(([k, v]) => `<span ${attribute}="${k}">${escapeHtml(v!)}</span>`)
      .join('');
  return [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>',
    '<main data-pagefind-body>',
    `<h1>${escapeHtml(foldVietnamese(doc.title))}</h1>`,
    ...doc.text.split('\n').filter(Boolean).map((line) => `<p>${escapeHtml(foldVietnamese(line))}</p>`),
    // Title pairs and document numbers weigh most: a page whose title holds the phrase comes first.
    `<p data-pagefind-weight="10">${TOKEN_SECTION_MARKER} ${[...syllablePairs(doc.title), ...numbers, ...titleTokens(doc.title)].join(' ')}</p>`,
    `<p data-pagefind-weight="1">${syllablePairs(doc.text).join(' ')}</p>`,
    '</main>',
    tags('data-pagefind-meta', meta),
    tags('data-pagefind-filter', filters),
    doc.date ? `<span data-pagefind-sort="date">${escapeHtml(doc.date)}</span>` : '',
    '</body></html>',
  ].join('\n');
}
