/**
 * The search page: reads the query and filters from the URL, searches as the reader types, keeps the
 * URL in step, and renders results with excerpts from each page's text (see lib/search-text.ts for the
 * Vietnamese matching, lib/search-ranking.ts for the order).
 * Pagefind is loaded only when there is something to search.
 */
import { formatDate } from '../lib/dates';
import { inDateOrder, rankResults, type RankedResults, type SearchEngine } from '../lib/search-ranking';
import { buildExcerpt, planSearch, SEARCH_NEWEST_PATH, searchTextPath, type SearchPlan, type SearchText } from '../lib/search-text';
import { viSearch as t } from '../i18n/vi-search';

interface PagefindResult {
  id: string;
}
interface Pagefind {
  init(): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[]; unfilteredResultCount: number } | null>;
  preload(query: string, options?: { filters?: Record<string, string> }): Promise<void>;
}

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const selects = [...form.querySelectorAll('select')];
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
const empty = document.querySelector<HTMLElement>('[data-search-empty]')!;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // A variable keeps the bundler from resolving the index, which exists only in the built site.
  const url = '/pagefind/pagefind.js';
  // Pagefind searches in its Web Worker. In the page, a warm query was about 15 ms faster at 10,000
  // articles, but compiling and searching there blocked a slow phone for 200–300 ms when the page opens
  // with a query (Lighthouse: performance 84–88 instead of 98).
  pagefind ??= import(/* @vite-ignore */ url).then(async (module: Pagefind) => {
    await module.init();
    return module;
  });
  return pagefind;
}

/** Pagefind filters from the form: the index holds the labels, the URL the short values. */
function chosenFilters(): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const select of selects) {
    const label = select.selectedOptions[0]?.dataset.label;
    if (select.name !== 'sap-xep' && label) filters[select.name] = label;
  }
  return filters;
}

/**
 * A filter the index does not have: Pagefind then ranks no page and only counts. A filter it has would
 * load that filter's file, and make every later search count pages for each of its values.
 */
const NO_PAGE = { 'chi-dem': '-' };

let newest: Promise<Map<string, number>> | undefined;
/** The build's order of every page, newest first, loaded when a reader first asks for it. */
function newestOrder(): Promise<Map<string, number>> {
  newest ??= fetch(`/${SEARCH_NEWEST_PATH}`)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
    .then((ids: string[]) => new Map(ids.map((id, place) => [id, place])));
  newest.catch(() => (newest = undefined));
  return newest;
}

function engineFor(pagefind: Pagefind, filters: Record<string, string>): SearchEngine<PagefindResult> {
  return {
    filtered: Object.keys(filters).length > 0,
    search: async (query, options) => {
      const results = (await pagefind.search(query, { filters }))?.results ?? [];
      return options?.newest ? inDateOrder(results, await newestOrder()) : results;
    },
    count: async (query) => (await pagefind.search(query, { filters: NO_PAGE }))?.unfilteredResultCount ?? 0,
    load: (query) => pagefind.preload(query, { filters: NO_PAGE }),
  };
}

/** What a result shows, written by the build under the page's Pagefind id (the index has no fragments). */
async function shown(result: PagefindResult): Promise<SearchText> {
  const response = await fetch(searchTextPath(result.id));
  if (!response.ok) throw new Error(`${response.status} ${response.url}`);
  return (await response.json()) as SearchText;
}

async function resultItem(result: PagefindResult, plan: SearchPlan): Promise<HTMLLIElement> {
  const page = await shown(result);
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = page.url;
  link.textContent = page.title;
  heading.append(link);

  const info = document.createElement('p');
  info.className = 'meta';
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = page.kind ?? page.type;
  info.append(badge, ' ');
  const date = page.date ? new Date(page.date) : undefined;
  const details = [date && !Number.isNaN(date.getTime()) ? formatDate(date) : '', page.number ? `${t.number} ${page.number}` : page.category ?? ''];
  info.append(details.filter(Boolean).join(' · '));

  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  for (const part of buildExcerpt(page.text, plan)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else excerpt.append(part.text);
  }
  item.append(heading, info, excerpt);
  return item;
}

let generation = 0;
let current: { results: RankedResults<PagefindResult>; plan: SearchPlan } | undefined;

/** Shows the next results; false if they could not be loaded, which the status then says. */
async function showMore(): Promise<boolean> {
  const mine = generation;
  const { results, plan } = current!;
  let items: HTMLLIElement[];
  try {
    items = await Promise.all((await results.next(PAGE_SIZE)).map((result) => resultItem(result, plan)));
  } catch {
    if (mine === generation) status.textContent = t.failed;
    return false;
  }
  if (mine !== generation) return true;
  list.append(...items);
  more.hidden = results.done;
  return true;
}

function reset(message: string) {
  list.replaceChildren();
  more.hidden = true;
  empty.hidden = true;
  status.textContent = message;
}

async function search() {
  const mine = ++generation;
  const query = input.value.trim();
  syncUrl();
  if (!query) return reset(t.prompt);
  const plan = planSearch(query);
  if (!plan) return reset(t.nothingToSearch);
  status.textContent = t.searching;
  let loaded: Pagefind;
  try {
    loaded = await loadPagefind();
  } catch {
    pagefind = undefined;
    return reset(location.hostname === 'localhost' || location.hostname === '127.0.0.1' ? t.noIndex : t.failed);
  }
  const order = form.querySelector<HTMLSelectElement>('select[name="sap-xep"]')!;
  let results: RankedResults<PagefindResult>;
  try {
    results = await rankResults(engineFor(loaded, chosenFilters()), plan, order.value === 'moi-nhat');
  } catch {
    return mine === generation ? reset(t.failed) : undefined;
  }
  if (mine !== generation) return;
  list.replaceChildren();
  current = { results, plan };
  empty.hidden = results.total > 0;
  if (!(await showMore()) || mine !== generation) return;
  const { total, missing } = results;
  status.textContent = total === 0 ? t.none(query) : missing.length > 0 ? t.partial(total, query, missing) : t.found(total, query);
}

/** The URL always says what is shown, so a shared link or the Back button gives the same results. */
function syncUrl() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set('q', input.value.trim());
  for (const select of selects) if (select.value) params.set(select.name, select.value);
  const next = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  input.value = (params.get('q') ?? '').slice(0, 200);
  for (const select of selects) {
    const value = params.get(select.name) ?? '';
    select.value = [...select.options].some((o) => o.value === value) ? value : '';
  }
  // Chosen filters stay in sight, so a reader knows why results are few.
  if (selects.some((select) => select.value)) form.querySelector<HTMLDetailsElement>('[data-search-filters]')!.open = true;
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(search, DEBOUNCE_MS);
});
for (const select of selects) select.addEventListener('change', search);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  search();
});
more.addEventListener('click', showMore);
window.addEventListener('popstate', () => {
  readUrl();
  search();
});

readUrl();
search();
