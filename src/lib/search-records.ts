/**
 * What the search index is given for each page: its terms, folded for Vietnamese matching and each
 * given once (see indexTerms in search-text.ts), with its labels as filters; beside the index,
 * src/integrations/search-index.ts writes what the search page shows.
 */
import { parse } from 'node-html-parser';
import { indexTerms, SEARCH_FILTERS, type SearchText } from './search-text.ts';
import { byCodeUnits } from './slugs.ts';

/** What a page holds for search: the same as what the search page shows of it. */
export type SearchDocument = SearchText;

/** Text as HTML text or attribute value. */
export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A copy of `text` that does not hold on to the string it was cut from. V8 keeps a piece cut from a long
 * string as a view of the whole: a page's date or title, kept by the index step until it writes the
 * search texts, kept the page's whole HTML with it (at 50,000 pages, gigabytes).
 */
const detached = <T extends string | undefined>(text: T): T => (text === undefined ? text : JSON.parse(JSON.stringify(text)));

/**
 * Reads the searchable part of a built page: the element marked `data-pagefind-body`, its `<h1>` as
 * the title, `data-search-*` attributes as labels, and its text without `data-pagefind-ignore` parts.
 */
export function searchDocumentFromPage(html: string, url: string): SearchDocument | undefined {
  // Only what follows the body's opening tag is parsed: the header and menu before it are half a page.
  const marker = html.indexOf('data-pagefind-body');
  if (marker < 0) return undefined;
  const body = parse(html.slice(html.lastIndexOf('<', marker))).querySelector('[data-pagefind-body]');
  if (!body) return undefined;
  for (const ignored of body.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
  const heading = body.querySelector('h1');
  const title = detached(heading?.text.trim() ?? '');
  heading?.remove();
  const attribute = (name: string) => detached(body.getAttribute(`data-search-${name}`) || undefined);
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

/**
 * A page's index terms (see indexTerms), each once, with the weight Pagefind gives it: the greatest, for
 * a term that is two things at once (the number "2/13" and the word "213" are both `213q`).
 */
export function weightedTerms(doc: SearchDocument): [term: string, weight: number][] {
  const terms = indexTerms(doc.title, doc.text, doc.number);
  const weights = new Map<string, number>();
  const add = (list: string[], weight: number) => {
    for (const term of list) weights.set(term, Math.max(weight, weights.get(term) ?? 0));
  };
  // The title's words count most (as much as Pagefind weighs a heading).
  add(terms.titleWords, 7);
  add(terms.titleTerms, 10);
  for (const [weight, list] of [...terms.textWords, ...terms.textPairs]) add(list, weight);
  return [...weights];
}

/**
 * The HTML the indexer is given for one page: its terms in the order of the index's layout
 * (layoutTokens), not readable text (Pagefind would keep it in each result's fragment; the build drops
 * the fragments and writes what the search page shows itself: searchTextPath), and no metadata: Pagefind makes every metadata word searchable, so a page's
 * type ("Bài viết"), category or date would let "viet" or "2025" find every page labelled so, and would
 * fill the index chunks a query loads. No heading either, from which Pagefind would take a title.
 */
export function searchRecordHtml(doc: SearchDocument, tokens: [term: string, weight: number][]): string {
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
  const runs: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && tokens[j][1] === tokens[i][1]) j++;
    // A weight for each run of terms: "-" takes the weight of the term it stands before.
    runs.push(`<span data-pagefind-weight="${tokens[i][1]}">${escapeHtml(tokens.slice(i, j).map(([t]) => t).join(' '))}</span>`);
    i = j;
  }
  return [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>',
    '<main data-pagefind-body><p>',
    runs.join(' '),
    '</p>',
    lengthPadding(tokens.length),
    '</main>',
    tags('data-pagefind-filter', filters),
    '</body></html>',
  ].join('\n');
}

/**
 * Rounds the page's length up to a power of two with "-", which Pagefind counts as words but does not
 * index. Pagefind keeps every page's length in the metadata that each first search loads: at 10,000
 * pages, exact lengths took 24 KB of it (compressed), a handful of distinct lengths take 3 KB. (With the
 * fixed places of common terms, most pages of a large site reach the same length anyway.)
 */
function lengthPadding(terms: number): string {
  const padding = 2 ** Math.ceil(Math.log2(Math.max(terms, 1))) - terms;
  return padding > 0 ? `<p>${Array(padding).fill('-').join(' ')}</p>` : '';
}

/**
 * The search page's order for "Mới nhất": Pagefind ids, newest first (pages without a date last, by
 * address). Written beside the index rather than given to Pagefind as a sort, which would put 24 KB
 * into the metadata that every first search loads, for an order readers seldom ask for.
 */
export function newestFirst(pages: { id: string; url: string; date?: string }[]): string[] {
  const time = (date?: string) => {
    const ms = date ? Date.parse(date) : Number.NaN;
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
  };
  return [...pages].sort((a, b) => time(b.date) - time(a.date) || byCodeUnits(a.url, b.url)).map((page) => page.id);
}
