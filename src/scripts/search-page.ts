/**
 * The search page: reads the query and filters from the URL, searches as the reader types, keeps the
 * URL in step, and renders results with excerpts in real Vietnamese letters (see lib/search-text.ts).
 * Pagefind is loaded only when there is something to search.
 */
import { formatDate } from '../lib/dates';
import { buildExcerpt, holdsTokens, parseRestoration, planSearch, rankHits, TOKEN_SECTION_MARKER, type SearchPlan } from '../lib/search-text';
import { viSearch as t } from '../i18n/vi-search';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; content: string; meta: Record<string, string> }>;
}
interface Pagefind {
  init(): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[] } | null>;
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

interface Ranked {
  results: PagefindResult[];
  /** Query words found on no page: the results hold the other words only */
  missing: string[];
}

/**
 * Runs the plan's searches and ranks their union (see rankHits). Pagefind silently drops a word it
 * finds nowhere and answers for the others; here such words are named, so the page can say the
 * results are only near matches.
 */
async function rankedResults(engine: Pagefind, plan: SearchPlan, newest: boolean): Promise<Ranked> {
  const filters = chosenFilters();
  const folded = plan.plain.split(' ');
  const counts = await Promise.all(folded.map(async (word) => (await engine.search(word))?.results.length ?? 0));
  const missing = [...new Set(plan.words.filter((_, i) => counts[i] === 0))];
  if (counts.every((n) => n === 0) && !plan.number) return { results: [], missing };
  if (newest) return { results: (await engine.search(plan.plain, { filters, sort: { date: 'desc' } }))?.results ?? [], missing };
  const run = async (query?: string) => (query ? ((await engine.search(query, { filters }))?.results ?? []) : undefined);
  // A token search that matched nothing comes back with Pagefind's fuzzy guesses: drop it.
  const runTokens = async (query?: string) => {
    const results = await run(query);
    return results?.length && holdsTokens((await results[0].data()).content, query!) ? results : undefined;
  };
  const [plain, phrase, title, titlePhrase, number] = await Promise.all([
    run(plan.plain),
    ...[plan.phrase, plan.title, plan.titlePhrase, plan.number].map(runTokens),
  ]);
  const byId = new Map([plain, phrase, title, titlePhrase, number].flatMap((list) => list ?? []).map((r) => [r.id, r]));
  const ids = (list?: PagefindResult[]) => list?.map((r) => r.id);
  const order = rankHits({ plain: ids(plain)!, phrase: ids(phrase), title: ids(title), titlePhrase: ids(titlePhrase), number: ids(number) }, plan.numberOnly);
  return { results: order.map((id) => byId.get(id)!), missing };
}

function resultItem(data: Awaited<ReturnType<PagefindResult['data']>>, plan: SearchPlan): HTMLLIElement {
  const { meta } = data;
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = meta.title;
  heading.append(link);

  const info = document.createElement('p');
  info.className = 'meta';
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = meta.kind ?? meta.type;
  info.append(badge, ' ');
  const date = meta.date ? new Date(meta.date) : undefined;
  const details = [date && !Number.isNaN(date.getTime()) ? formatDate(date) : '', meta.number ? `${t.number} ${meta.number}` : meta.category ?? ''];
  info.append(details.filter(Boolean).join(' · '));

  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  const text = data.content.split(TOKEN_SECTION_MARKER)[0];
  for (const part of buildExcerpt(text, plan, parseRestoration(meta.restore ?? ''))) {
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
let pending: PagefindResult[] = [];
let currentPlan: SearchPlan | undefined;

async function showMore() {
  const mine = generation;
  const batch = pending.splice(0, PAGE_SIZE);
  const items = await Promise.all(batch.map(async (r) => resultItem(await r.data(), currentPlan!)));
  if (mine !== generation) return;
  list.append(...items);
  more.hidden = pending.length === 0;
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
  let engine: Pagefind;
  try {
    engine = await loadPagefind();
  } catch {
    pagefind = undefined;
    return reset(location.hostname === 'localhost' || location.hostname === '127.0.0.1' ? t.noIndex : t.failed);
  }
  const order = form.querySelector<HTMLSelectElement>('select[name="sap-xep"]')!;
  const { results, missing } = await rankedResults(engine, plan, order.value === 'moi-nhat');
  if (mine !== generation) return;
  list.replaceChildren();
  pending = [...results];
  currentPlan = plan;
  empty.hidden = results.length > 0;
  await showMore();
  if (mine !== generation) return;
  status.textContent =
    results.length === 0 ? t.none(query) : missing.length > 0 ? t.partial(results.length, query, missing) : t.found(results.length, query);
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
