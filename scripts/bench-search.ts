/**
 * `npm run bench:search [-- 10000] [--seed 1] [--rounds 3] [--site DIR] [--keep] [--no-doc]`: builds the
 * site over a deterministic synthetic corpus of N articles (default 10,000; `--site` reuses a built
 * site instead), serves it over loopback with gzip for text as a production server would, and in
 * headless Chromium measures the search page (/tim-kiem/) as a reader uses it:
 *
 * - cold: a fresh browser profile opens the search page, then submits one query; the bytes transferred
 *   from the submit to the results (Pagefind's script, WebAssembly, metadata, index chunks, fragments)
 *   and the time until the results are shown; also the same query opened as a link (/tim-kiem/?q=…),
 *   page included;
 * - warm: the search page with Pagefind already loaded (by one query), then every query in turn,
 *   `--rounds` times in fresh pages; the time from submit until the status line says what was found.
 *
 * Writes the index size and the results into docs/performance.md.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { formatBytes, formatDuration, markdownTable, median, percentile } from '../src/lib/benchmark.ts';
import { mulberry32 } from '../src/lib/corpus-generator.ts';
import { SEARCH_TEXT_DIR } from '../src/lib/search-text.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { astroBin, machine, measuredBuild, otherWorkNote, prepareCorpus, serveCompressed, updatePerformanceDoc, watchOtherWork } from './bench/measure.ts';

const COLD_TARGET = 300_000;
const WARM_TARGET_MS = 100;

/** What readers type: with and without marks, old and new tone placement, numbers, phrases, a half-typed word. */
const QUERIES = [
  'học tập và làm theo Bác',
  'hoc tap lam theo bac',
  'Đảng ủy Khối',
  'dang uy khoi',
  'đảng uỷ khối',
  'sinh hoạt chi bộ',
  'kết nạp đảng viên mới',
  'Chỉ thị 05',
  'Quy định 144',
  'chuyển đổi số',
  'chuyen doi so',
  'kiểm tra, giám sát',
  'tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'giấy mời hội nghị',
  '25-TB/ĐUK',
  '12 gm duk',
  'kế hoạch năm 2025',
  'cải cách hành chính',
  'văn hoá công vụ',
  'Thuỷ lợi',
  'hội ngh',
  'Nguyễn Văn Hùng',
];
const WARM_UP = 'đảng viên';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
    site: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-doc': { type: 'boolean', default: false },
  },
});
const articles = Number(positionals[0] ?? 10_000);
const seed = Number(values.seed);
const rounds = Number(values.rounds);

/** Index files by kind, from their names. */
function indexKind(file: string): string {
  if (file.endsWith('.pf_fragment')) return 'fragments (one per page, or bundled)';
  if (file.endsWith('.pf_index')) return 'word index chunks';
  if (file.endsWith('.pf_filter')) return 'filter files';
  if (file.endsWith('.pf_meta')) return 'metadata';
  if (file.includes('.pagefind')) return 'WebAssembly';
  return 'scripts and entry';
}

/** What a reader downloads, by kind, from a request's URL. */
function requestKind(url: string): string {
  const path = new URL(url).pathname;
  if (path.startsWith('/pagefind/')) return `Pagefind ${indexKind(path).split(' (')[0]}`;
  return path.startsWith(`/${SEARCH_TEXT_DIR}/`) ? 'page texts for excerpts' : 'page (HTML, CSS, JS, fonts)';
}

interface Query {
  query: string;
  results: number;
  ms: number;
  bytes: number;
  byKind: Record<string, number>;
}

/**
 * Counts the bytes a context transfers, by kind: each response's encoded body as it came over the wire
 * plus its headers, including the requests of Pagefind's Web Worker (which a page's own CDP session
 * does not see).
 */
function countBytes(context: BrowserContext) {
  let byKind: Record<string, number> = {};
  const pending = new Set<Promise<void>>();
  context.on('requestfinished', (request) => {
    const done = Promise.all([request.sizes(), request.response().then((response) => response?.allHeaders())]).then(([sizes, headers]) => {
      const kind = requestKind(request.url());
      // Chromium reports no body size for a Web Worker's own script: the length the server sent then counts.
      const body = sizes.responseBodySize || Number(headers?.['content-length'] ?? 0);
      byKind[kind] = (byKind[kind] ?? 0) + body + sizes.responseHeadersSize;
    });
    pending.add(done);
    void done.finally(() => pending.delete(done));
  });
  return {
    /** The bytes counted since the last call, by kind. */
    async take(): Promise<Record<string, number>> {
      await Promise.all(pending);
      const taken = byKind;
      byKind = {};
      return taken;
    },
  };
}

const settle = () => new Promise((ok) => setTimeout(ok, 150));
const sum = (byKind: Record<string, number>) => Object.values(byKind).reduce((a, b) => a + b, 0);

/** In the page: types nothing, sets the query and submits it; resolves when the status says what was found. */
async function submit(page: Page, query: string): Promise<{ ms: number; status: string }> {
  return page.evaluate((q) => {
    const input = document.querySelector<HTMLInputElement>('[data-search-form] input[name="q"]')!;
    const status = document.querySelector('[data-search-status]')!;
    input.value = q;
    return new Promise<{ ms: number; status: string }>((done) => {
      const started = performance.now();
      const observer = new MutationObserver(() => {
        const text = status.textContent ?? '';
        if (text && !text.startsWith('Đang tìm')) {
          observer.disconnect();
          done({ ms: performance.now() - started, status: text });
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
      input.form!.requestSubmit();
    });
  }, query);
}

/** The number of results the status line gives ("Tìm thấy 4.171 kết quả…", "… 12 kết quả gần đúng"), 0 for none. */
const resultCount = (status: string) => Number(/(\d[\d.]*) kết quả/.exec(status)?.[1].replaceAll('.', '') ?? 0);

/** A page of a new context that counts its bytes; at the search page, once its script has said what to type. */
async function openSearchPage(context: BrowserContext, origin: string) {
  const page = await context.newPage();
  const bytes = countBytes(context);
  await page.goto(`${origin}/tim-kiem/`);
  await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent !== '');
  await settle();
  return { page, bytes };
}

/** Opens /tim-kiem/?q=… in a new context; resolves with the moment (since navigation start) the results were shown. */
async function openAsLink(context: BrowserContext, origin: string, query: string) {
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const status = document.querySelector('[data-search-status]')!;
      const observer = new MutationObserver(() => {
        const text = status.textContent ?? '';
        if (text && !text.startsWith('Đang tìm')) {
          observer.disconnect();
          (window as unknown as { shown: unknown }).shown = { ms: performance.now(), status: text };
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
  });
  const page = await context.newPage();
  const bytes = countBytes(context);
  await page.goto(`${origin}/tim-kiem/?q=${encodeURIComponent(query)}`);
  const shown = (await (await page.waitForFunction(() => (window as unknown as { shown?: unknown }).shown)).jsonValue()) as { ms: number; status: string };
  await settle();
  return { ...shown, bytes: await bytes.take() };
}

const siteDir = values.site ?? (await buildSite());

async function buildSite(): Promise<string> {
  const { folder, content } = await prepareCorpus(`search-${articles}`, articles, seed);
  const out = join(folder, 'site');
  const built = await measuredBuild('site build', [astroBin, 'build'], { CONTENT_DIR: content, OUT_DIR: out, CACHE_DIR: join(folder, 'cache') }, join(folder, 'site.log'), []);
  if (!built.ok) throw new Error(`The build failed:\n${built.logTail}`);
  if (!values.keep) process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  return out;
}

// The index on disk
const indexDir = join(siteDir, 'pagefind');
const indexFiles = readdirSync(indexDir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(indexDir, f)).isFile());
const index: Record<string, { files: number; bytes: number[] }> = {};
for (const file of indexFiles) {
  const kind = indexKind(file);
  index[kind] ??= { files: 0, bytes: [] };
  index[kind].files++;
  index[kind].bytes.push(statSync(join(indexDir, file)).size);
}
const pagesIndexed = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((f) => /^(bai-viet|thong-bao)\/[^/]+\/index\.html$/.test(f)).length;

const server = await serveCompressed(siteDir);
const browser = await launchChromium();
const watch = watchOtherWork();
const cold: Query[] = [];
const coldLink: Query[] = [];
const pageLoad: number[] = [];
const warm: (Query & { round: number })[] = [];
let busy = { kinds: [] as string[], load: 0 };
try {
  for (const query of QUERIES) {
    // Cold, typed into the search page of a fresh profile
    let context = await browser.newContext({ locale: 'vi-VN' });
    const { page, bytes } = await openSearchPage(context, server.url);
    pageLoad.push(sum(await bytes.take()));
    const typed = await submit(page, query);
    await settle();
    const typedBytes = await bytes.take();
    cold.push({ query, results: resultCount(typed.status), ms: typed.ms, bytes: sum(typedBytes), byKind: typedBytes });
    await context.close();

    // Cold, opened as a link: from navigation start to the results, page included
    context = await browser.newContext({ locale: 'vi-VN' });
    const link = await openAsLink(context, server.url, query);
    coldLink.push({ query, results: resultCount(link.status), ms: link.ms, bytes: sum(link.bytes), byKind: link.bytes });
    await context.close();
  }

  for (let round = 1; round <= rounds; round++) {
    const random = mulberry32(seed + round);
    const order = QUERIES.map((q) => ({ q, key: random() })).sort((a, b) => a.key - b.key).map((x) => x.q);
    const context = await browser.newContext({ locale: 'vi-VN' });
    const { page, bytes } = await openSearchPage(context, server.url);
    await submit(page, WARM_UP);
    await settle();
    await bytes.take();
    for (const query of order) {
      const r = await submit(page, query);
      await settle();
      const b = await bytes.take();
      warm.push({ query, results: resultCount(r.status), ms: r.ms, bytes: sum(b), byKind: b, round });
    }
    await context.close();
  }
} finally {
  busy = watch.stop();
  await browser.close();
  await server.close();
}

// Report
const m = machine();
const kb = (b: number) => formatBytes(b);
const ms = (x: number) => `${Math.round(x)} ms`;
const kinds = [...new Set(cold.flatMap((q) => Object.keys(q.byKind)))].sort();
const coldMax = Math.max(...cold.map((q) => q.bytes));
const warmMedian = median(warm.map((q) => q.ms));
const n = (x: number) => x.toLocaleString('en-US');
const markdown = [
  `Measured ${m.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, Node ${m.node}, headless Chromium (Debian's) over loopback, text gzip-compressed by the benchmark's server.`,
  `Command: \`npm run bench:search${values.site ? ` -- --site ${values.site}` : ` -- ${articles}`}${seed !== 1 ? ` --seed ${seed}` : ''}${rounds !== 3 ? ` --rounds ${rounds}` : ''}\`${values.site ? '' : ` (${n(articles)} articles, ${n(Math.floor(articles / 10))} notices)`}; ${n(pagesIndexed)} article and notice pages in the index.`,
  otherWorkNote(busy.kinds, [busy.load]),
  `#### Index on disk (\`dist/pagefind/\`)`,
  markdownTable(
    ['files', 'count', 'total', 'median file'],
    [
      ...Object.entries(index)
        .sort()
        .map(([kind, { files, bytes }]) => [kind, n(files), kb(bytes.reduce((a, b) => a + b, 0)), kb(median(bytes))]),
      ['**all**', n(indexFiles.length), kb(Object.values(index).reduce((a, k) => a + k.bytes.reduce((x, y) => x + y, 0), 0)), ''],
    ],
  ),
  `#### Cold first query (fresh browser profile, empty cache; ${cold.length} queries)`,
  markdownTable(
    ['', 'median', '95th percentile', 'max'],
    [
      ['bytes transferred, search page itself (before any query)', kb(median(pageLoad)), kb(percentile(pageLoad, 95)), kb(Math.max(...pageLoad))],
      ['bytes transferred, submit → results', kb(median(cold.map((q) => q.bytes))), kb(percentile(cold.map((q) => q.bytes), 95)), kb(coldMax)],
      ...kinds.map((k) => [`… of which ${k}`, kb(median(cold.map((q) => q.byKind[k] ?? 0))), kb(percentile(cold.map((q) => q.byKind[k] ?? 0), 95)), kb(Math.max(...cold.map((q) => q.byKind[k] ?? 0)))]),
      ['time, submit → results shown', ms(median(cold.map((q) => q.ms))), ms(percentile(cold.map((q) => q.ms), 95)), ms(Math.max(...cold.map((q) => q.ms)))],
      ['opened as a link: bytes, page + query', kb(median(coldLink.map((q) => q.bytes))), kb(percentile(coldLink.map((q) => q.bytes), 95)), kb(Math.max(...coldLink.map((q) => q.bytes)))],
      ['opened as a link: time, navigation start → results shown', ms(median(coldLink.map((q) => q.ms))), ms(percentile(coldLink.map((q) => q.ms), 95)), ms(Math.max(...coldLink.map((q) => q.ms)))],
    ],
  ),
  `#### Warm queries (Pagefind loaded; ${rounds} rounds × ${QUERIES.length} queries in fresh pages)`,
  markdownTable(
    ['', 'median', '95th percentile', 'max'],
    [
      ['time, submit → results shown', ms(warmMedian), ms(percentile(warm.map((q) => q.ms), 95)), ms(Math.max(...warm.map((q) => q.ms)))],
      ['bytes transferred per query', kb(median(warm.map((q) => q.bytes))), kb(percentile(warm.map((q) => q.bytes), 95)), kb(Math.max(...warm.map((q) => q.bytes)))],
    ],
  ),
  `#### Per query`,
  markdownTable(
    ['query', 'results', 'cold: bytes', 'cold: time', 'warm: time (median of rounds)'],
    QUERIES.map((query, i) => [
      `\`${query}\``,
      n(cold[i].results),
      kb(cold[i].bytes),
      ms(cold[i].ms),
      ms(median(warm.filter((w) => w.query === query).map((w) => w.ms))),
    ]),
  ),
  `#### Targets`,
  markdownTable(
    ['target', 'measured', 'met?'],
    [
      ['cold first query < 300 KB transferred (every query, submit → results)', `max ${kb(coldMax)}, median ${kb(median(cold.map((q) => q.bytes)))}; ${cold.filter((q) => q.bytes < COLD_TARGET).length} of ${cold.length} queries under`, coldMax < COLD_TARGET ? 'yes' : '**no**'],
      ['warm results < 100 ms median', `median ${ms(warmMedian)}, 95th percentile ${ms(percentile(warm.map((q) => q.ms), 95))}`, warmMedian < WARM_TARGET_MS ? 'yes' : '**no**'],
    ],
  ),
].join('\n\n');
console.log(`\n${markdown}\n`);
if (!values['no-doc']) {
  updatePerformanceDoc('bench:search', markdown);
  console.log('docs/performance.md updated.');
}
console.log(`(${formatDuration(performance.now())} in all)`);
