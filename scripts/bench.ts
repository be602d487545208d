/**
 * `npm run bench [-- 1000 10000] [--seed 1] [--keep] [--no-doc]`: for each number of articles, writes a
 * deterministic synthetic corpus (src/lib/corpus-generator.ts) to a temporary folder, runs this site's
 * full production build of it (validation, pages, images, sitemap, search index) and the bare reference
 * site's build (scripts/bench/bare-site, then Pagefind), and records wall time, the peak memory of the
 * whole process tree, the output size and what an article page weighs. Then it edits one article and
 * measures the republish: a build that keeps the first one's output and cache folders, compared file
 * by file with a clean build of the edited corpus. Writes the results into docs/performance.md.
 * A benchmark, not a test: builds run one after another, never two at once.
 */
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BARE_PHASES, formatBytes, formatDuration, markdownTable, ratio, SITE_PHASES, type Phase } from '../src/lib/benchmark.ts';
import { astroBin, benchDir, differingFiles, filesBelow, machine, measuredBuild, otherWorkNote, outputSize, pageWeight, prepareCorpus, projectRoot, updatePerformanceDoc, type Build, type OutputSize, type PageWeight } from './bench/measure.ts';

const MEMORY_TARGET = 4e9;
const REPUBLISH_TARGET_MS = 30_000;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false }, 'no-doc': { type: 'boolean', default: false } },
});
const sizes = (positionals.length > 0 ? positionals : ['1000', '10000']).map(Number);
const seed = Number(values.seed);

interface Result {
  articles: number;
  notices: number;
  corpusFiles: number;
  folder: string;
  site: Build & { output?: OutputSize; article?: PageWeight; home?: PageWeight };
  bare: Build & { pagefind: Build; output?: OutputSize; article?: PageWeight };
  republish?: Republish;
}

interface Republish {
  /** The edited file, relative to the content folder */
  edited: string;
  build: Build;
  clean: Build;
  /** Files that differ between the republished output and the clean build's, or exist in one only */
  differences: string[];
}

/**
 * Edits one article (the first in path order gets a paragraph more) and rebuilds into the same output
 * and cache folders, as a CI job that keeps them would; then builds the edited corpus from scratch and
 * compares the two outputs.
 */
async function republish(folder: string, content: string, files: { path: string }[], siteOut: string): Promise<Republish> {
  const edited = files.map((f) => f.path).filter((p) => p.startsWith('articles/') && p.endsWith('.mdx')).sort()[0];
  appendFileSync(join(content, edited), '\nĐoạn văn thêm vào khi sửa bài, để đo thời gian đăng lại.\n');
  const build = await measuredBuild('republish (one article edited)', [astroBin, 'build'], { CONTENT_DIR: content, OUT_DIR: siteOut, CACHE_DIR: join(folder, 'site-cache') }, join(folder, 'republish.log'), SITE_PHASES);
  const cleanOut = join(folder, 'site-clean');
  const clean = await measuredBuild('clean build of the edited corpus', [astroBin, 'build'], { CONTENT_DIR: content, OUT_DIR: cleanOut, CACHE_DIR: join(folder, 'clean-cache') }, join(folder, 'clean.log'), SITE_PHASES);
  return { edited, build, clean, differences: build.ok && clean.ok ? differingFiles(siteOut, cleanOut) : [] };
}

async function benchmark(articles: number): Promise<Result> {
  const { folder, content, files } = await prepareCorpus(`build-${articles}`, articles, seed);
  const notices = files.filter((f) => f.path.startsWith('notices/') && f.path.endsWith('.mdx')).length;

  const siteOut = join(folder, 'site');
  const site: Result['site'] = await measuredBuild('site build', [astroBin, 'build'], { CONTENT_DIR: content, OUT_DIR: siteOut, CACHE_DIR: join(folder, 'site-cache') }, join(folder, 'site.log'), SITE_PHASES);
  if (site.ok) {
    site.output = outputSize(siteOut);
    site.article = pageWeight(siteOut, filesBelow(siteOut).filter((f) => /^bai-viet\/[^/]+\/index\.html$/.test(f)));
    site.home = pageWeight(siteOut, ['index.html']);
  }

  const bareOut = join(folder, 'bare');
  const bareBuild = await measuredBuild('bare build', [astroBin, 'build', '--root', join(benchDir, 'bare-site')], { CONTENT_DIR: content, OUT_DIR: bareOut, CACHE_DIR: join(folder, 'bare-cache') }, join(folder, 'bare.log'), BARE_PHASES);
  const pagefind = await measuredBuild('bare Pagefind', [join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', bareOut, '--force-language', 'vi'], {}, join(folder, 'bare-pagefind.log'), []);
  const bare: Result['bare'] = { ...bareBuild, ok: bareBuild.ok && pagefind.ok, ms: bareBuild.ms + pagefind.ms, peakBytes: Math.max(bareBuild.peakBytes, pagefind.peakBytes), pagefind };
  if (bare.ok) {
    bare.output = outputSize(bareOut);
    bare.article = pageWeight(bareOut, filesBelow(bareOut).filter((f) => f.startsWith('bai-viet/') && f.endsWith('.html')));
  }
  const republished = site.ok ? await republish(folder, content, files, siteOut) : undefined;
  if (!values.keep) rmSync(folder, { recursive: true, force: true });
  return { articles, notices, corpusFiles: files.length, folder, site, bare, republish: republished };
}

const n = (x: number) => x.toLocaleString('en-US');
const weight = (w: { raw: number; gzip: number } | undefined) => (w ? `${formatBytes(w.raw)} (${formatBytes(w.gzip)} gzip)` : '–');
const byProcess = (b: Build) => b.peakByName.map(([name, bytes]) => `${name} ${formatBytes(bytes)}`).join(', ');
const status = (b: Build) => (b.ok ? '' : ' **(failed)**');

function phaseTable(phases: Phase[], total: number): string {
  return markdownTable(
    ['phase', 'time', 'share', 'peak memory in phase'],
    phases.map((p) => [p.name, formatDuration(p.ms), `${Math.round((p.ms / total) * 100)} %`, p.peakBytes ? formatBytes(p.peakBytes) : '–']),
  );
}

function republishReport({ edited, build, clean, differences }: Republish): string {
  const shown = differences.slice(0, 10).map((f) => `\`${f}\``).join(', ') + (differences.length > 10 ? ', …' : '');
  return [
    `Republish: \`${edited}\` edited, then built again with the first build's output and cache folders kept: ` +
      `${formatDuration(build.ms)}${status(build)}, peak ${formatBytes(build.peakBytes)} (a clean build of the edited corpus: ${formatDuration(clean.ms)}${status(clean)}). ` +
      (build.ok && clean.ok ? (differences.length === 0 ? 'Its output is identical, file for file, to the clean build’s.' : `Its output differs from the clean build’s in ${n(differences.length)} files: ${shown}.`) : ''),
    phaseTable(build.phases, build.ms),
  ].join('\n\n');
}

function report(results: Result[], m: ReturnType<typeof machine>): string {
  const parts = [
    `Measured ${m.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, Node ${m.node}, Linux ${m.kernel}; seed ${seed}.`,
    `Command: \`npm run bench -- ${sizes.join(' ')}${seed !== 1 ? ` --seed ${seed}` : ''}\`.`,
  ];
  for (const r of results) {
    const s = r.site;
    const b = r.bare;
    parts.push(
      `### ${n(r.articles)} articles and ${n(r.notices)} notices`,
      otherWorkNote([...s.others, ...b.others, ...b.pagefind.others], [s.load, b.load]),
      markdownTable(
        ['', 'this site', 'bare reference (pages + Pagefind)', 'ratio'],
        [
          ['wall time, whole build', formatDuration(s.ms) + status(s), `${formatDuration(b.ms - b.pagefind.ms)} + ${formatDuration(b.pagefind.ms)} = ${formatDuration(b.ms)}${status(b)}`, ratio(s.ms, b.ms)],
          ['peak memory, process tree (summed RSS)', formatBytes(s.peakBytes), formatBytes(b.peakBytes), ratio(s.peakBytes, b.peakBytes)],
          ['… peak of each process kind', byProcess(s), `${byProcess(b)}; ${byProcess(b.pagefind)}`, ''],
          ['HTML pages', s.output ? n(s.output.html.files) : '–', b.output ? n(b.output.html.files) : '–', s.output && b.output ? ratio(s.output.html.files, b.output.html.files) : '–'],
          ['output size (files)', s.output ? `${formatBytes(s.output.bytes)} (${n(s.output.files)})` : '–', b.output ? `${formatBytes(b.output.bytes)} (${n(b.output.files)})` : '–', s.output && b.output ? ratio(s.output.bytes, b.output.bytes) : '–'],
          ['… of which HTML', s.output ? formatBytes(s.output.html.bytes) : '–', b.output ? formatBytes(b.output.html.bytes) : '–', s.output && b.output ? ratio(s.output.html.bytes, b.output.html.bytes) : '–'],
          ['… of which search index', s.output ? `${formatBytes(s.output.searchIndex.bytes)} (${n(s.output.searchIndex.files)} files)` : '–', b.output ? `${formatBytes(b.output.searchIndex.bytes)} (${n(b.output.searchIndex.files)} files)` : '–', s.output && b.output ? ratio(s.output.searchIndex.bytes, b.output.searchIndex.bytes) : '–'],
          ['… of which images', s.output ? `${formatBytes(s.output.images.bytes)} (${n(s.output.images.files)} files)` : '–', b.output ? formatBytes(b.output.images.bytes) : '–', ''],
          ['article page: HTML (median)', weight(s.article?.html), weight(b.article?.html), s.article && b.article ? ratio(s.article.html.gzip, b.article.html.gzip) + ' gzip' : '–'],
          ['article page: CSS', weight(s.article?.css), weight(b.article?.css), ''],
          ['article page: JS', weight(s.article?.js), weight(b.article?.js), ''],
          ['home page: HTML / CSS / JS', s.home ? `${weight(s.home.html)} / ${weight(s.home.css)} / ${weight(s.home.js)}` : '–', '–', ''],
        ],
      ),
      `Where this site's build spends its time (phases split at the lines Astro and the integrations log):`,
      phaseTable(s.phases, s.ms),
      `The bare reference's build:`,
      phaseTable([...b.phases, { name: 'Pagefind CLI (separate process)', ms: b.pagefind.ms, peakBytes: b.pagefind.peakBytes }], b.ms),
      ...(r.republish ? [republishReport(r.republish)] : []),
      ...[s, b, ...(r.republish ? [r.republish.build, r.republish.clean] : [])].filter((x) => !x.ok).map((x) => `Last lines of the failed build:\n\n\`\`\`\n${x.logTail}\n\`\`\``),
    );
  }
  const largest = results.at(-1)!;
  parts.push(
    `### Targets at ${n(largest.articles)} articles`,
    markdownTable(
      ['target', 'measured', 'met?'],
      [
        ['whole build no slower than the bare reference’s pages + index', `${formatDuration(largest.site.ms)} vs ${formatDuration(largest.bare.ms)} (${ratio(largest.site.ms, largest.bare.ms)})`, largest.site.ok && largest.site.ms <= largest.bare.ms ? 'yes' : '**no**'],
        ['peak memory ≤ 4 GB', formatBytes(largest.site.peakBytes), largest.site.ok && largest.site.peakBytes <= MEMORY_TARGET ? 'yes' : '**no**'],
        ...(largest.republish
          ? [[
              'one-article republish ≤ 30 s, output identical to a clean build',
              `${formatDuration(largest.republish.build.ms)}; ${largest.republish.differences.length === 0 ? 'identical' : `${n(largest.republish.differences.length)} files differ`}`,
              largest.republish.build.ok && largest.republish.build.ms <= REPUBLISH_TARGET_MS && largest.republish.differences.length === 0 ? 'yes' : '**no**',
            ]]
          : []),
      ],
    ),
  );
  return parts.join('\n\n');
}

const m = machine();
const results: Result[] = [];
for (const size of sizes) results.push(await benchmark(size));
const markdown = report(results, m);
console.log(`\n${markdown}\n`);
if (!values['no-doc']) {
  updatePerformanceDoc('bench:build', markdown);
  console.log('docs/performance.md updated.');
}
