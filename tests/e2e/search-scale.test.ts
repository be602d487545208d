/**
 * Search over an index of many chunks. Pagefind cuts its index into chunks of about 20,000 entries and
 * loads, for each term of a query, the one chunk where the term sorts; the sample content fills only a
 * few, so what depends on where a chunk ends is tested here: 1,500 generated articles, indexed by the
 * site's own indexer, searched with the real search page (copied from the global build).
 *
 * Every syllable of the corpus, typed alone, must find at least every page that holds it: the last
 * word of a query is matched as a prefix, and a prefix whose words span two chunks once missed the
 * word itself ("sinh hoạt chi bộ" counted 4,812 of 7,148 pages at 10,000 articles). And a title
 * typed as readers type it without marks (d for đ) must put its page first among 1,500. The index
 * itself is read back too: every common term must stand at one position on all its pages, which is
 * what keeps the chunks a query loads small (src/lib/search-layout.ts).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/search-index';
import { decodePagefindFile, type Cbor } from '../../src/lib/pagefind-files';
import { generateCorpus, mulberry32 } from '../../src/lib/corpus-generator';
import { parseFrontmatter } from '../../src/lib/frontmatter';
import { SEARCH_NEWEST_PATH, SEARCH_TEXT_DIR, searchKey, syllables, type SearchText } from '../../src/lib/search-text';
import { writeSearchablePage } from '../support/search-pages';
import { useSiteBrowser } from '../support/site-browser';

const ARTICLES = 1500;
const site = mkdtempSync(join(tmpdir(), 'search-scale-'));

/** The pages (by index) holding each syllable, by its search key. */
let holding: Map<string, Set<number>>;
/** What the search page shows of each page. */
let texts: SearchText[];

beforeAll(async () => {
  const files = await generateCorpus({ articles: ARTICLES, notices: 0, seed: 7 });
  for (const file of files.filter((f) => f.path.startsWith('articles/') && f.path.endsWith('.mdx'))) {
    const source = String(file.data);
    const data = parseFrontmatter(source) as { title: string; date: string };
    const body = source.slice(source.indexOf('\n---', 3) + 4).replace(/<[^>]*>/g, ' ');
    const slug = file.path.replace(/^articles\/|(\/index)?\.mdx$/g, '').replace(/\//g, '-');
    writeSearchablePage(site, { url: `/bai-viet/${slug}/`, title: data.title, text: body, type: 'Bài viết', date: String(data.date) });
  }
  const built = inject('siteDir');
  cpSync(join(built, 'tim-kiem/index.html'), join(site, 'tim-kiem/index.html'));
  cpSync(join(built, '_astro'), join(site, '_astro'), { recursive: true });
  await writeSearchIndex(site);

  texts = readdirSync(join(site, SEARCH_TEXT_DIR))
    .filter((f) => f !== basename(SEARCH_NEWEST_PATH))
    .map((f) => JSON.parse(readFileSync(join(site, SEARCH_TEXT_DIR, f), 'utf8')) as SearchText);
  holding = new Map();
  texts.forEach((page, i) => {
    for (const word of syllables(`${page.title} ${page.text}`).map(searchKey)) holding.set(word, (holding.get(word) ?? new Set()).add(i));
  });
}, 180_000);

afterAll(() => rmSync(site, { recursive: true, force: true }));

const browser = useSiteBrowser(site);

/** Submits a query on the search page and waits for its answer: the count and the results' addresses. */
async function answer(page: Page, query: string): Promise<{ count: number; links: string[] }> {
  await page.evaluate((q) => {
    const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
    form.querySelector<HTMLInputElement>('input[name="q"]')!.value = q;
    form.requestSubmit();
  }, query);
  const status = await page.waitForFunction((q) => {
    const text = document.querySelector('[data-search-status]')?.textContent ?? '';
    return text.includes(`“${q}”`) && !text.startsWith('Đang tìm') ? text : undefined;
  }, query);
  const text = (await status.jsonValue())!;
  const links = await page.$$eval('ol[data-search-results] > li a', (as) => as.map((a) => a.getAttribute('href')!));
  return { count: Number(/Tìm thấy ([\d.]+) kết quả/.exec(text)?.[1].replace(/\./g, '') ?? 0), links };
}

/** Every position Pagefind stored for each term, read back from its index chunks: [term, position][]. */
function storedPositions(): [string, number][] {
  const dir = join(site, 'pagefind', 'index');
  const found: [string, number][] = [];
  // A chunk is [words]; a word [key, entries, [form, entries][]] (its spellings); an entry is [page
  // number, locations, …], a location a weight (negative) or a position.
  const add = (term: string, entries: Cbor) => {
    for (const [, locations] of entries as [number, number[]][]) for (const at of locations) if (at >= 0) found.push([term, at]);
  };
  for (const name of readdirSync(dir)) {
    for (const [key, entries, forms] of (decodePagefindFile(readFileSync(join(dir, name))) as Cbor[][])[0] as [string, Cbor, [string, Cbor][]][]) {
      add(key, entries);
      for (const [form, formEntries] of forms) add(form, formEntries);
    }
  }
  return found;
}

describe('search over many index chunks', () => {
  it('stores each term held by many pages at one position on all of them, which keeps its index chunk small', () => {
    const positions = new Map<string, Set<number>>();
    const pages = new Map<string, number>();
    for (const [term, at] of storedPositions()) {
      positions.set(term, (positions.get(term) ?? new Set()).add(at));
      pages.set(term, (pages.get(term) ?? 0) + 1);
    }
    const common = [...pages].filter(([, n]) => n >= texts.length / 8).map(([term]) => term);
    expect(common.length).toBeGreaterThan(50);
    expect(common.filter((term) => positions.get(term)!.size > 1)).toEqual([]);
  });

  let page: Page;
  beforeAll(async () => {
    page = await (await browser.newContext()).newPage();
    await page.goto(`${browser.origin}/tim-kiem/`);
  });

  it('has an index of many chunks', () => {
    expect(readdirSync(join(site, 'pagefind/index')).length).toBeGreaterThan(20);
    expect(holding.size).toBeGreaterThan(300);
  });

  it('finds, for every syllable typed alone, every page that holds it and none that holds no word it begins', async () => {
    const wrong: string[] = [];
    for (const [word, pages] of [...holding].sort(([a], [b]) => a.localeCompare(b))) {
      if (!/^\p{L}+$/u.test(word)) continue;
      const beginning = new Set([...holding].filter(([other]) => other.startsWith(word)).flatMap(([, holders]) => [...holders])).size;
      const { count } = await answer(page, word);
      if (count < pages.size || count > beginning) wrong.push(`${word}: ${count} found, ${pages.size} hold it, ${beginning} hold a word it begins`);
    }
    expect(wrong).toEqual([]);
  }, 240_000);

  it('puts a page first when its title is typed without marks, d for đ', async () => {
    const byTitle = new Map<string, string[]>();
    for (const text of texts) byTitle.set(searchKey(text.title), [...(byTitle.get(searchKey(text.title)) ?? []), text.url]);
    const random = mulberry32(11);
    const wrong: string[] = [];
    for (let i = 0; i < 40; i++) {
      const text = texts[Math.floor(random() * texts.length)];
      const typed = searchKey(text.title);
      const { links } = await answer(page, typed);
      if (!byTitle.get(typed)!.includes(links[0])) wrong.push(`${typed}: ${links[0]} first, not ${text.url}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
