/**
 * What the benchmark scripts measure with, over the file system and /proc: a child process's wall
 * time, timestamped output and the peak memory of its whole process tree; the sizes of a built site;
 * the machine; a gzip-compressing server over a built site; and docs/performance.md.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildPhases, formatBytes, formatDuration, median, parseProcStat, peakByName, processTree, replaceSection, treeRssPagesByName, type MemorySample, type Phase, type PhaseMarker, type ProcStat, type TimedLine } from '../../src/lib/benchmark.ts';
import { generateCorpus, writeCorpus, type CorpusFile } from '../../src/lib/corpus-generator.ts';
import { serveStatic } from '../../tests/support/static-server.ts';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
export const performanceDoc = join(projectRoot, 'docs/performance.md');

const PAGE_SIZE = (() => {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' })) || 4096;
  } catch {
    return 4096;
  }
})();

function allProcesses(): ProcStat[] {
  const procs: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) procs.push(stat);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return procs;
}

export interface MeasuredRun {
  code: number;
  ms: number;
  peakBytes: number;
  lines: TimedLine[];
  samples: MemorySample[];
}

/**
 * Runs a command to its end, timing every line it prints and sampling the summed RSS of its process
 * tree (the command and every descendant) from /proc every `intervalMs`. The output also goes to
 * `logFile`.
 */
export function runMeasured(command: string, args: string[], options: { cwd?: string; env?: Record<string, string>; logFile: string; intervalMs?: number }): Promise<MeasuredRun> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd ?? projectRoot, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(options.logFile);
    const lines: TimedLine[] = [];
    const samples: MemorySample[] = [];
    const sample = () => {
      const byName: Record<string, number> = {};
      for (const [name, pages] of Object.entries(treeRssPagesByName(allProcesses(), child.pid!))) {
        // Node names its main thread, and so the process, "MainThread".
        const label = name === 'MainThread' ? 'node' : name;
        byName[label] = (byName[label] ?? 0) + pages * PAGE_SIZE;
      }
      const bytes = Object.values(byName).reduce((a, b) => a + b, 0);
      if (bytes > 0) samples.push({ ms: performance.now() - started, bytes, byName });
    };
    const timer = setInterval(sample, options.intervalMs ?? 100);
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        log.write(chunk);
        const parts = (partial + chunk).split('\n');
        partial = parts.pop()!;
        const ms = performance.now() - started;
        for (const text of parts) lines.push({ ms, text });
      });
    }
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      log.end();
      const ms = performance.now() - started;
      done({ code: code ?? 1, ms, peakBytes: Math.max(0, ...samples.map((s) => s.bytes)), lines, samples });
    });
  });
}

export interface Build {
  ok: boolean;
  ms: number;
  peakBytes: number;
  phases: Phase[];
  logTail: string;
  /** Kinds of other work (builds, test runners, browsers) seen on the machine while this one ran */
  others: string[];
  /** The 1-minute load average when it started */
  load: number;
  /** The peak memory of each kind of process in the tree (`node`, `pagefind_extend`), largest first */
  peakByName: [string, number][];
}

/**
 * Runs one build (`node <args>`) as a measured child process, once no other Astro build runs on the
 * machine, noting what else ran meanwhile. A failed build that overlapped another Astro build (they
 * share the project's .astro/ folder) is run again once.
 */
export async function measuredBuild(label: string, args: string[], env: Record<string, string>, logFile: string, markers: PhaseMarker[], retry = true): Promise<Build> {
  await waitForNoOtherBuild();
  console.log(`  ${label}…`);
  const watch = watchOtherWork();
  const run = await runMeasured(process.execPath, args, { env, logFile });
  const { kinds, load } = watch.stop();
  const result: Build = {
    ok: run.code === 0,
    ms: run.ms,
    peakBytes: run.peakBytes,
    phases: buildPhases(markers, run.lines, run.samples, run.ms),
    logTail: run.code === 0 ? '' : run.lines.slice(-15).map((l) => l.text).join('\n'),
    others: kinds,
    load,
    peakByName: peakByName(run.samples),
  };
  console.log(`  ${label}: ${result.ok ? 'ok' : 'FAILED'} in ${formatDuration(result.ms)}, peak ${formatBytes(result.peakBytes)} (log: ${logFile})`);
  if (!result.ok && retry && result.others.includes('astro build')) {
    console.log(`  ${label} overlapped another astro build; running it again`);
    return measuredBuild(label, args, env, logFile, markers, false);
  }
  return result;
}

/**
 * A new folder below .cache/bench/ with a generated corpus in its `content/`. Inside the project on
 * purpose: Astro puts a build's server chunks in <outDir>/.prerender only when outDir is below the
 * working directory, and otherwise in the project's shared .astro/ folder.
 */
export async function prepareCorpus(label: string, articles: number, seed: number): Promise<{ folder: string; content: string; files: CorpusFile[] }> {
  const root = join(projectRoot, '.cache/bench');
  mkdirSync(root, { recursive: true });
  const folder = mkdtempSync(join(root, `${label}-`));
  const content = join(folder, 'content');
  console.log(`${articles} articles in ${folder}`);
  const files = await generateCorpus({ articles, seed });
  await writeCorpus(content, files);
  return { folder, content, files };
}

/** Every file below `dir`, as paths relative to it. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

/** Files of two folders that differ in content, or exist in one of them only, relative to them. */
export function differingFiles(a: string, b: string): string[] {
  const inA = new Set(filesBelow(a));
  const inB = new Set(filesBelow(b));
  const differences = [...inB].filter((f) => !inA.has(f));
  for (const file of inA) if (!inB.has(file) || !readFileSync(join(a, file)).equals(readFileSync(join(b, file)))) differences.push(file);
  return differences.sort();
}

export interface OutputSize {
  files: number;
  bytes: number;
  html: { files: number; bytes: number };
  searchIndex: { files: number; bytes: number };
  images: { files: number; bytes: number };
}

/** The size of a built site: all of it, its HTML pages, its search index and its images. */
export function outputSize(dir: string): OutputSize {
  const size = { files: 0, bytes: 0, html: { files: 0, bytes: 0 }, searchIndex: { files: 0, bytes: 0 }, images: { files: 0, bytes: 0 } };
  for (const file of filesBelow(dir)) {
    const bytes = statSync(join(dir, file)).size;
    size.files++;
    size.bytes += bytes;
    const part = file.startsWith('pagefind/') ? size.searchIndex : file.endsWith('.html') ? size.html : /\.(avif|webp|jpe?g|png|gif|svg)$/i.test(file) ? size.images : undefined;
    if (part) {
      part.files++;
      part.bytes += bytes;
    }
  }
  return size;
}

export interface Weight {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  pages: number;
  html: Weight;
  css: Weight;
  js: Weight;
}

const weigh = (data: Buffer): Weight => ({ raw: data.length, gzip: gzipSync(data).length });

/** The scripts a module loads statically (`import … from "./x.js"`, `import "./x.js"`), transitively. */
function scriptClosure(siteDir: string, urls: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...urls];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url) || !existsSync(join(siteDir, url))) continue;
    seen.add(url);
    const code = readFileSync(join(siteDir, url), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) queue.push(new URL(m[1], `http://x${url}`).pathname);
  }
  return [...seen];
}

/**
 * What a page costs a reader, as the median over `pages` (HTML files below `siteDir`): its HTML, the
 * style sheets it links and the scripts it loads (with their static imports), raw and gzipped.
 * At most `limit` pages, evenly spread, are weighed.
 */
export function pageWeight(siteDir: string, pages: string[], limit = 400): PageWeight {
  const step = Math.max(1, Math.floor(pages.length / limit));
  const chosen = pages.filter((_, i) => i % step === 0).slice(0, limit);
  const weights = chosen.map((page) => {
    const html = readFileSync(join(siteDir, page));
    const text = html.toString('utf8');
    const css = [...text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    const js = scriptClosure(siteDir, [...text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2]));
    const sum = (urls: string[]) => urls.filter((u) => existsSync(join(siteDir, u))).map((u) => weigh(readFileSync(join(siteDir, u)))).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
    return { html: weigh(html), css: sum(css), js: sum(js) };
  });
  const med = (pick: (w: (typeof weights)[number]) => Weight): Weight => ({ raw: median(weights.map((w) => pick(w).raw)), gzip: median(weights.map((w) => pick(w).gzip)) });
  return { pages: pages.length, html: med((w) => w.html), css: med((w) => w.css), js: med((w) => w.js) };
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  kernel: string;
  date: string;
}

export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

/** Kinds of work that would skew the numbers, by command line. */
const BUSY: [string, RegExp][] = [
  ['astro build', /astro(\.mjs)? build/],
  ['astro dev or preview', /astro(\.mjs)? (dev|preview)/],
  ['vitest', /vitest/],
  ['Chromium', /chrom(e|ium)/],
  ['Pagefind', /pagefind/],
];

/**
 * Other work on the machine, outside this process's own tree: Astro builds, test runners, browsers
 * and Pagefind (each kind once), and the load average.
 */
export function otherWork(): { kinds: string[]; builds: number; load: number } {
  const procs = allProcesses();
  const ours = new Set(processTree(procs, process.pid).map((p) => p.pid));
  const kinds: string[] = [];
  for (const { pid } of procs) {
    if (ours.has(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      // Chromium's crash reporter outlives its browser, detached from it: not work.
      const kind = !cmd.includes('crashpad_handler') && BUSY.find(([, pattern]) => pattern.test(cmd));
      if (kind) kinds.push(kind[0]);
    } catch {
      // gone
    }
  }
  return { kinds: [...new Set(kinds)], builds: kinds.filter((k) => k === 'astro build').length, load: loadavg()[0] };
}

/** What else ran on the machine during a measurement: the numbers are only as clean as that. */
export function otherWorkNote(kinds: string[], loads: number[]): string {
  const others = [...new Set(kinds)];
  const load = `1-minute load average at the start: ${loads.map((l) => l.toFixed(2)).join(', ')}`;
  return others.length === 0
    ? `No other Astro build, test runner or browser ran on the machine meanwhile (${load}).`
    : `Shared machine: other work ran meanwhile (${others.join(', ')}; ${load}).`;
}

/**
 * Watches for other work until `stop()` is called, every 5 s.
 */
export function watchOtherWork(): { stop: () => { kinds: string[]; load: number } } {
  const start = otherWork();
  const kinds = new Set(start.kinds);
  const timer = setInterval(() => otherWork().kinds.forEach((k) => kinds.add(k)), 5000);
  return {
    stop: () => {
      clearInterval(timer);
      return { kinds: [...kinds], load: start.load };
    },
  };
}

/**
 * Waits (up to `maxMs`) until no other Astro build runs: builds from one project root share its
 * `.astro/` folder and would break each other, and would skew the times anyway.
 */
export async function waitForNoOtherBuild(maxMs = 30 * 60_000): Promise<void> {
  const until = Date.now() + maxMs;
  let said = false;
  while (otherWork().builds > 0 && Date.now() < until) {
    if (!said) console.log('  waiting for another astro build on this machine to finish…');
    said = true;
    await new Promise((ok) => setTimeout(ok, 5000));
  }
}

/** Replaces one generated section of docs/performance.md (see replaceSection). */
export function updatePerformanceDoc(section: string, body: string): void {
  const doc = existsSync(performanceDoc) ? readFileSync(performanceDoc, 'utf8') : '# Performance\n';
  writeFileSync(performanceDoc, replaceSection(doc, section, body));
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg)/;

/**
 * Serves a built site over loopback as tests/support/static-server.ts does (directory indexes, 404.html,
 * the build's security headers), gzip-compressing text (HTML, CSS, JS, JSON) for clients that accept it,
 * as a production server would. Pagefind's index files are compressed already and pass as they are.
 */
export async function serveCompressed(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = await serveStatic(resolve(root));
  const cache = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
  const server = createServer(async (req, res) => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const key = `${gzip}${req.url}`;
    let hit = cache.get(key);
    if (!hit) {
      const response = await fetch(upstream.url + (req.url ?? '/'));
      let body = Buffer.from(await response.arrayBuffer());
      const headers = Object.fromEntries([...response.headers].filter(([name]) => !['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date'].includes(name)));
      if (gzip && COMPRESSIBLE.test(headers['content-type'] ?? '')) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
        headers.vary = 'Accept-Encoding';
      }
      hit = { status: response.status, headers, body };
      cache.set(key, hit);
    }
    res.writeHead(hit.status, { ...hit.headers, 'content-length': String(hit.body.length) }).end(hit.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((ok) => server.close(ok));
      await upstream.close();
    },
  };
}

/** `dirname` of this file, for the bare site's root. */
export const benchDir = dirname(fileURLToPath(import.meta.url));
