/**
 * What the search index holds of each page: its terms, folded for Vietnamese matching and each given
 * once (see indexTerms in search-text.ts), with its labels as filters; beside the index,
 * src/integrations/search-index.ts writes what the search page shows.
 */
import { parse } from 'node-html-parser';
import { indexTerms, SEARCH_FILTERS, type SearchText } from './search-text.ts';
import { byCodeUnits } from './slugs.ts';

/** What a page holds for search: the same as what the search page shows of it. */
export type SearchDocument = SearchText;

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
 * A page's labels as the index's filters, [name, value] pairs. Labels, not metadata: Pagefind makes
 * every metadata word searchable, so a page's type ("Bài viết"), category or date would let "viet" or
 * "2025" find every page labelled so, and would fill the index chunks a query loads.
 */
export function searchFilters(doc: SearchDocument): [name: string, value: string][] {
  const labels: [string, string | undefined][] = [
    [SEARCH_FILTERS.type, doc.type],
    [SEARCH_FILTERS.category, doc.category],
    [SEARCH_FILTERS.year, doc.date?.slice(0, 4)],
    [SEARCH_FILTERS.kind, doc.kind],
  ];
  return labels.filter((label): label is [string, string] => Boolean(label[1]));
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
