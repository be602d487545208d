/**
 * Search relevance: the queries of tests/fixtures/search-queries.json (typed the ways readers type
 * Vietnamese: with and without marks, d for đ, either tone-mark style, decomposed Unicode, document
 * numbers, remembered phrases, half-typed words), each with the page(s) it must find.
 *
 * The site's search page is driven in Chromium against the global build, exactly as a reader uses it
 * (`/tim-kiem/?q=…`). Side by side, the same queries go to Pagefind's default search over the same
 * built pages (an index made here with Pagefind's Node API and default settings), to show what the
 * Vietnamese folding adds. Prints success@1, success@3 and MRR for both; requires of the site
 * success@3 = 100% and success@1 ≥ 90%.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import * as pagefind from 'pagefind';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { useSiteBrowser } from '../support/site-browser';
import { serveStatic } from '../support/static-server';
import { pageFile } from '../support/site-html';

interface Query {
  q: string;
  expect: string[];
  kind: 'marks' | 'no-marks' | 'd-for-đ' | 'tone-style' | 'nfd' | 'number' | 'phrase' | 'notice' | 'prefix';
}

const KINDS: Query['kind'][] = ['marks', 'no-marks', 'd-for-đ', 'tone-style', 'nfd', 'number', 'phrase', 'notice', 'prefix'];
const queries: Query[] = JSON.parse(readFileSync(new URL('../fixtures/search-queries.json', import.meta.url), 'utf8'));
const siteDir = resolve(inject('siteDir'));
/** What the default comparison indexes: the articles, notices and static pages (not listings). */
const PAGE_GLOB = '{bai-viet/*/index.html,thong-bao/*/index.html,gioi-thieu/index.html,lien-he/index.html}';
/** Results a reader sees before "more": ranks beyond this count as misses, for both searches. */
const CUTOFF = 10;
/** A search slower than this (from "searching" to the answer, Pagefind's loading included) is reported; the tabs share the machine. */
const SLOW_MS = 3000;
/** Search pages open at once (the queries are shared among them). */
const TABS = 4;

const site = useSiteBrowser(siteDir);

interface Answer {
  urls: string[];
  /** Excerpt text of each result, in order (site only) */
  excerpts?: string[];
  status?: string;
  /** Page load to answer */
  ms: number;
  /** From "searching…" to the answer (site only) */
  searchMs?: number;
}

/** 1-based rank of the first expected page among the first CUTOFF results, or undefined. */
const rankOf = (urls: string[], wanted: string[]) => {
  const i = urls.slice(0, CUTOFF).findIndex((u) => wanted.includes(u));
  return i < 0 ? undefined : i + 1;
};

function metrics(ranks: (number | undefined)[]) {
  const n = ranks.length;
  return {
    at1: ranks.filter((r) => r === 1).length / n,
    at3: ranks.filter((r) => r !== undefined && r <= 3).length / n,
    mrr: ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / n,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const shortUrl = (u: string) => u.replace(/^\/(bai-viet|thong-bao)\//, (_, s: string) => (s === 'bai-viet' ? 'a:' : 'n:')).replace(/\/$/, '');
const show = (q: string) => JSON.stringify(q.normalize('NFC')) + (q !== q.normalize('NFC') ? ' (NFD)' : '');

/** The words a page's searchable part shows to readers, for checking excerpts against. */
function pageWords(path: string): Set<string> {
  const file = pageFile(siteDir, path);
  if (!existsSync(file)) return new Set();
  const body = parse(readFileSync(file, 'utf8')).querySelector('[data-pagefind-body]');
  for (const ignored of body?.querySelectorAll('[data-pagefind-ignore]') ?? []) ignored.remove();
  return new Set((body?.structuredText.normalize('NFC') ?? '').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);
}

describe('search relevance', () => {
  let defaultServer: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let defaultDir = '';
  let defaultPages = 0;
  const errors: string[] = [];

  beforeAll(async () => {
    // Pagefind with its default settings, over the same built pages.
    defaultDir = await mkdtemp(join(tmpdir(), 'default-pagefind-'));
    const { index, errors: startErrors } = await pagefind.createIndex();
    if (!index) throw new Error(`Pagefind could not start: ${startErrors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir, glob: PAGE_GLOB });
    if (added.errors.length) throw new Error(`default index: ${added.errors.join('; ')}`);
    defaultPages = added.page_count;
    const written = await index.writeFiles({ outputPath: join(defaultDir, 'pagefind') });
    if (written.errors.length) throw new Error(`default index: ${written.errors.join('; ')}`);
    await pagefind.close();
    await writeFile(join(defaultDir, 'index.html'), '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Pagefind mặc định</title></head><body></body></html>');
    defaultServer = await serveStatic(defaultDir);
  });

  afterAll(async () => {
    await defaultServer?.close();
    if (defaultDir) await rm(defaultDir, { recursive: true, force: true });
  });

  test('the query set covers every way of typing, and each expected page is on the built site', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    for (const kind of KINDS) expect(queries.filter((q) => q.kind === kind).length, `queries of kind ${kind}`).toBeGreaterThanOrEqual(4);
    for (const { q, expect: wanted, kind } of queries) {
      expect(KINDS, q).toContain(kind);
      expect(wanted.length, q).toBeGreaterThan(0);
      for (const path of wanted) expect(existsSync(pageFile(siteDir, path)), `${q}: ${path} is not on the built site`).toBe(true);
      if (kind === 'nfd') {
        expect(q, 'NFD queries are stored decomposed').toBe(q.normalize('NFD'));
        expect(q).not.toBe(q.normalize('NFC'));
      }
    }
    // Notices are searched for as well as articles.
    expect(queries.filter((q) => q.expect.some((p) => p.startsWith('/thong-bao/'))).length).toBeGreaterThanOrEqual(8);
  });

  test('the site finds what readers look for, better than Pagefind alone', { timeout: 180_000 }, async () => {
    const context = await site.newContext({ locale: 'vi-VN' });
    const tabs: Page[] = [];
    for (let i = 0; i < TABS; i++) {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()} (${page.url()})`));
      page.on('pageerror', (e) => errors.push(`page error: ${e.message} (${page.url()})`));
      page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
      // Times the search itself (from "searching" to the answer), apart from loading the page.
      await page.addInitScript(() => {
        const w = window as unknown as { searchStarted?: number; searchEnded?: number };
        new MutationObserver(() => {
          const s = document.querySelector('[data-search-status]')?.textContent ?? '';
          if (s.startsWith('Đang tìm')) w.searchStarted ??= performance.now();
          else if (s && w.searchStarted !== undefined) w.searchEnded ??= performance.now();
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      tabs.push(page);
    }

    /** Opens the search page for a query as a reader would, and reads what it shows once it has answered. */
    const ask = async (page: Page, q: string): Promise<Answer> => {
      const started = performance.now();
      await page.goto(`${site.origin}/tim-kiem/?q=${encodeURIComponent(q)}`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => {
        const s = document.querySelector('[data-search-status]')?.textContent ?? '';
        return s !== '' && !s.startsWith('Đang tìm');
      });
      const shown = await page.evaluate(() => {
        const items = [...document.querySelectorAll('ol[data-search-results] > li')];
        const w = window as unknown as { searchStarted?: number; searchEnded?: number };
        return {
          searchMs: (w.searchEnded ?? NaN) - (w.searchStarted ?? NaN),
          status: document.querySelector('[data-search-status]')!.textContent!,
          urls: items.map((li) => li.querySelector('a')?.getAttribute('href') ?? ''),
          excerpts: items.map((li) => li.querySelector('.excerpt')?.textContent ?? ''),
        };
      });
      return { ...shown, ms: performance.now() - started };
    };
    const siteAnswers: Answer[] = [];
    let next = 0;
    await Promise.all(
      tabs.map(async (page) => {
        while (next < queries.length) {
          const i = next++;
          siteAnswers[i] = await ask(page, queries[i].q);
        }
      }),
    );

    const plain = await context.newPage();
    plain.on('pageerror', (e) => errors.push(`default page error: ${e.message}`));
    await plain.goto(`${defaultServer!.url}/`);
    // A string, so that the test runner's transform leaves the browser's dynamic import alone.
    await plain.evaluate(`(async () => { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); })()`);
    const defaultAnswers: Answer[] = [];
    for (const { q } of queries) {
      const started = performance.now();
      const urls = await plain.evaluate(async ({ q, cutoff }) => {
        const pf = (window as unknown as { pf: { search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] } | null> } }).pf;
        const found = await pf.search(q);
        return Promise.all((found?.results ?? []).slice(0, cutoff).map(async (r) => (await r.data()).url));
      }, { q, cutoff: CUTOFF });
      defaultAnswers.push({ urls, ms: performance.now() - started });
    }

    const siteRanks = queries.map((x, i) => rankOf(siteAnswers[i].urls, x.expect));
    const defaultRanks = queries.map((x, i) => rankOf(defaultAnswers[i].urls, x.expect));
    const s = metrics(siteRanks);
    const d = metrics(defaultRanks);

    // By kind, then overall.
    const rows = [...KINDS, 'all' as const].map((kind) => {
      const which = queries.map((x, i) => (kind === 'all' || x.kind === kind ? i : -1)).filter((i) => i >= 0);
      const sm = metrics(which.map((i) => siteRanks[i]));
      const dm = metrics(which.map((i) => defaultRanks[i]));
      return `${kind.padEnd(11)} ${String(which.length).padStart(3)}   ${pct(sm.at1).padStart(6)} ${pct(sm.at3).padStart(6)} ${sm.mrr.toFixed(3)}   ${pct(dm.at1).padStart(6)} ${pct(dm.at3).padStart(6)} ${dm.mrr.toFixed(3)}`;
    });
    const list = (urls: string[]) => urls.slice(0, 5).map(shortUrl).join(', ') || '(nothing)';
    const siteMisses = queries
      .map((x, i) => ({ x, i, rank: siteRanks[i] }))
      .filter(({ rank }) => rank !== 1)
      .map(({ x, i, rank }) => `  [${x.kind}] ${show(x.q)} want ${x.expect.map(shortUrl).join(' | ')}: rank ${rank ?? 'miss'}; shown ${list(siteAnswers[i].urls)}`);
    const defaultMisses = queries
      .map((x, i) => ({ x, rank: defaultRanks[i], site: siteRanks[i] }))
      .filter(({ rank }) => rank !== 1)
      .map(({ x, rank, site }) => `  [${x.kind}] ${show(x.q)}: default ${rank ?? 'miss'}, site ${site ?? 'miss'}`);

    // Excerpts must show the page's real letters: every word of a first result's excerpt is a word of that page.
    const oddExcerpts: string[] = [];
    queries.forEach((x, i) => {
      const first = siteAnswers[i].urls[0];
      if (!first) return;
      const words = pageWords(first);
      const foreign = (siteAnswers[i].excerpts?.[0].normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).filter((w) => !words.has(w));
      if (foreign.length) oddExcerpts.push(`  ${show(x.q)} on ${shortUrl(first)}: ${[...new Set(foreign)].join(', ')}`);
    });
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const loadMs = siteAnswers.map((a) => a.ms);
    const searchMs = siteAnswers.map((a) => a.searchMs ?? NaN).filter((x) => !Number.isNaN(x));
    const slow = queries.map((x, i) => ({ x, ms: siteAnswers[i].searchMs! })).filter(({ ms }) => ms > SLOW_MS);

    console.log(
      [
        `Search relevance: ${queries.length} queries; default Pagefind indexed ${defaultPages} pages; ranks beyond ${CUTOFF} count as misses.`,
        '',
        '                   site                      default Pagefind',
        'kind          n   succ@1 succ@3 MRR     succ@1 succ@3 MRR',
        ...rows,
        '',
        siteMisses.length ? `Site not at rank 1 (a: article, n: notice; first 5 results):\n${siteMisses.join('\n')}` : 'Site: every query at rank 1.',
        defaultMisses.length ? `Default Pagefind not at rank 1:\n${defaultMisses.join('\n')}` : 'Default Pagefind: every query at rank 1.',
        '',
        `Site, ${TABS} tabs at once: search (from “Đang tìm…” to the answer) median ${Math.round(median(searchMs))} ms, max ${Math.round(Math.max(...searchMs))} ms; ` +
          `page load to answer median ${Math.round(median(loadMs))} ms, max ${Math.round(Math.max(...loadMs))} ms` +
          (slow.length ? `\nSearches over ${SLOW_MS} ms: ${slow.map(({ x, ms }) => `${show(x.q)} ${Math.round(ms)} ms`).join(', ')}` : ''),
        oddExcerpts.length ? `Excerpt words not on the page:\n${oddExcerpts.join('\n')}` : 'Excerpts: every word is a word of its page.',
        errors.length ? `Errors:\n  ${errors.join('\n  ')}` : 'No console or page errors.',
      ].join('\n'),
    );

    expect(s.at3, `site success@3 (misses:\n${siteMisses.join('\n')})`).toBe(1);
    expect(s.at1, `site success@1 (misses:\n${siteMisses.join('\n')})`).toBeGreaterThanOrEqual(0.9);
  });
});
