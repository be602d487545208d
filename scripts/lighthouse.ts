/**
 * `npm run lighthouse [-- --site DIR] [--runs 3] [--no-doc]`: Lighthouse (mobile, its default settings:
 * a mid-range phone on a slow 4G network, simulated) on the home page, an article, a category page and
 * the search page with a query, in Debian's Chromium, over the built site (default `dist/`, from
 * `npm run build`) served on loopback with gzip and the build's security headers, as in production.
 * Each page is measured `--runs` times; the median performance score is kept (it varies from run to
 * run), the other categories do not vary. Writes the scores into docs/performance.md.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { markdownTable, median } from '../src/lib/benchmark.ts';
import { chromiumPath } from '../tests/support/browser.ts';
import { machine, otherWorkNote, projectRoot, serveCompressed, updatePerformanceDoc, watchOtherWork } from './bench/measure.ts';

const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof TARGETS;
const CATEGORIES = Object.keys(TARGETS) as Category[];

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: join(projectRoot, 'dist') },
    runs: { type: 'string', default: '3' },
    'no-doc': { type: 'boolean', default: false },
  },
});
const site = resolve(values.site);
const runs = Number(values.runs);
if (!existsSync(join(site, 'index.html'))) throw new Error(`No built site in ${site}: run npm run build first, or give --site`);

/** The first entry folder under a section of the built site, e.g. an article's address. */
function firstPage(section: string): string {
  const slug = readdirSync(join(site, section), { withFileTypes: true }).find((d) => d.isDirectory() && existsSync(join(site, section, d.name, 'index.html')));
  if (!slug) throw new Error(`No page under /${section}/ in ${site}`);
  return `/${section}/${slug.name}/`;
}

const pages: [string, string][] = [
  ['home page', '/'],
  ['article', firstPage('bai-viet')],
  ['category', firstPage('chuyen-muc')],
  ['search, with a query', `/tim-kiem/?q=${encodeURIComponent('học tập và làm theo Bác')}`],
];

const server = await serveCompressed(site);
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const watch = watchOtherWork();
const rows: string[][] = [];
const failing: string[] = [];
try {
  for (const [label, path] of pages) {
    const scores: Record<Category, number[]> = { performance: [], accessibility: [], 'best-practices': [], seo: [] };
    const problems = new Set<string>();
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
      for (const category of CATEGORIES) scores[category].push(Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
      // What cost points, to fix rather than to guess
      for (const category of CATEGORIES) {
        for (const ref of result.lhr.categories[category]?.auditRefs ?? []) {
          const audit = result.lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) problems.add(`${category}: ${audit.title} (${audit.displayValue ?? audit.score})`);
        }
      }
    }
    const kept = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(median(scores[c]))])) as Record<Category, number>;
    rows.push([label, `\`${decodeURIComponent(path)}\``, ...CATEGORIES.map((c) => `${kept[c]}${kept[c] < TARGETS[c] ? ' **(below target)**' : ''}`)]);
    for (const c of CATEGORIES) if (kept[c] < TARGETS[c]) failing.push(`${label} ${c} ${kept[c]}`);
    console.log(`${label} ${path}: ${CATEGORIES.map((c) => `${c} ${scores[c].join('/')}`).join(', ')}`);
    for (const problem of problems) console.log(`  - ${problem}`);
  }
} finally {
  const busy = watch.stop();
  chrome.kill();
  await server.close();
  const m = machine();
  const markdown = [
    `Measured ${m.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, Node ${m.node}, Lighthouse (npm) in Debian's headless Chromium, mobile settings (simulated slow 4G and mid-range phone), over loopback with gzip and the build's headers; median performance score of ${runs} runs.`,
    `Command: \`npm run lighthouse${values.site === join(projectRoot, 'dist') ? '' : ` -- --site ${values.site}`}\` after \`npm run build\` (the sample content).`,
    otherWorkNote(busy.kinds, [busy.load]),
    markdownTable(['page', 'address', 'performance (≥ 95)', 'accessibility (100)', 'best practices (100)', 'SEO (100)'], rows),
  ].join('\n\n');
  if (rows.length === pages.length) {
    console.log(`\n${markdown}\n`);
    if (!values['no-doc']) updatePerformanceDoc('lighthouse', markdown);
  }
}
if (failing.length > 0) console.log(`Below target: ${failing.join('; ')}`);
