/**
 * The arithmetic and bookkeeping of the benchmarks (scripts/bench.ts, scripts/bench-search.ts):
 * statistics, the memory of a process tree from /proc, build phases from a timestamped log, and the
 * generated sections of docs/performance.md. No I/O here.
 */

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The `p`th percentile by the nearest-rank method: the smallest value with at least p% of the values
 * at or below it.
 * @example percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95) // 10
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

export interface ProcStat {
  pid: number;
  ppid: number;
  /** The command name, as the kernel keeps it (at most 15 characters) */
  name: string;
  /** Resident set size, in pages */
  rssPages: number;
  /** How many threads it runs */
  threads: number;
}

/**
 * Reads `/proc/<pid>/stat`. The command name (field 2) is in parentheses and may itself contain spaces
 * and parentheses, so fields are counted from the last `)`.
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number.parseInt(text, 10);
  const name = text.slice(text.indexOf('(') + 1, close);
  // After ")": state(3) ppid(4) ... num_threads(20) ... rss(24)
  const rest = text.slice(close + 2).trim().split(/\s+/);
  const ppid = Number(rest[1]);
  const threads = Number(rest[17]);
  const rssPages = Number(rest[21]);
  return [pid, ppid, threads, rssPages].every(Number.isFinite) ? { pid, ppid, name, rssPages, threads } : undefined;
}

/** The names Node gives its threads, which a process takes from the thread that forked it. */
const NODE_THREAD_NAMES = new Set(['MainThread', 'WorkerThread']);

/**
 * A Node process's copy between fork and exec, while Node spawns a child: one thread, named after the
 * thread that spawns. Its RSS counts the pages it shares with its parent, copy-on-write, until exec
 * replaces them: summed with its parent's, it doubled a 2 GB Node process in the samples that caught it
 * (64 of them in 15 s of spawning `true` in a loop, measured from outside; 2026-11-23).
 */
const isSpawningCopy = (p: ProcStat) => p.threads === 1 && NODE_THREAD_NAMES.has(p.name);

/** `root` and all its descendants among `procs`. */
export function processTree(procs: readonly ProcStat[], root: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const tree: ProcStat[] = [];
  const stack = procs.filter((p) => p.pid === root);
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (tree.includes(p)) continue;
    tree.push(p);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return tree;
}

/** `root` and its descendants that hold memory of their own: not a copy being spawned (isSpawningCopy). */
const memoryHolders = (procs: readonly ProcStat[], root: number) => processTree(procs, root).filter((p) => p.pid === root || !isSpawningCopy(p));

/** The summed RSS, in pages, of `root` and its descendants, by command name (`node`, `pagefind_extend`; memoryHolders). */
export function treeRssPagesByName(procs: readonly ProcStat[], root: number): Record<string, number> {
  const byName: Record<string, number> = {};
  for (const p of memoryHolders(procs, root)) byName[p.name] = (byName[p.name] ?? 0) + p.rssPages;
  return byName;
}

/** The summed RSS, in pages, of `root` and all its descendants among `procs` (treeRssPagesByName, all names). */
export const treeRssPages = (procs: readonly ProcStat[], root: number): number => Object.values(treeRssPagesByName(procs, root)).reduce((sum, pages) => sum + pages, 0);

/** A line of a child's output, with the milliseconds since the child started. */
export interface TimedLine {
  ms: number;
  text: string;
}

/** A memory sample of a process tree. */
export interface MemorySample {
  ms: number;
  bytes: number;
  /** The same, by command name */
  byName?: Record<string, number>;
}

/** The highest memory each command name reached in any sample, largest first. */
export function peakByName(samples: readonly MemorySample[]): [string, number][] {
  const peaks = new Map<string, number>();
  for (const s of samples) for (const [name, bytes] of Object.entries(s.byName ?? {})) peaks.set(name, Math.max(peaks.get(name) ?? 0, bytes));
  return [...peaks].sort((a, b) => b[1] - a[1]);
}

/** A phase of a build, named by the log line that ends it (see SITE_PHASES). */
export interface PhaseMarker {
  name: string;
  /** The first line matching this (after the previous phase's end) ends the phase; none: the end of the run */
  end?: RegExp;
}

export interface Phase {
  name: string;
  ms: number;
  /** The highest memory sample taken during the phase */
  peakBytes: number;
}

/** The phases of this site's `astro build`, by the lines its integrations and Astro log. */
export const SITE_PHASES: PhaseMarker[] = [
  { name: 'start-up and content validation', end: /\[content-validation\]/ },
  { name: 'content sync (content layer)', end: /\[content\] Synced content/ },
  { name: 'types and build info', end: /Building static entrypoints/ },
  { name: 'bundling: server (pages, MDX)', end: /\[vite\] ✓ built in/ },
  { name: 'bundling: client (browser scripts, CMS)', end: /generating static routes/ },
  { name: 'rendering pages', end: /generating optimized images|\[build\] ✓ Completed in/ },
  { name: 'images', end: /\[build\] ✓ Completed in/ },
  { name: 'sitemap', end: /\[@astrojs\/sitemap\]/ },
  { name: 'search index', end: /\[search-index\]/ },
  { name: 'security headers and exit' },
];

/** The phases of the bare reference site's `astro build` (its Pagefind run is measured on its own). */
export const BARE_PHASES: PhaseMarker[] = [
  { name: 'start-up and content sync', end: /\[content\] Synced content/ },
  { name: 'types and build info', end: /Building static entrypoints/ },
  { name: 'bundling: server (pages, MDX)', end: /\[vite\] ✓ built in/ },
  { name: 'bundling: client', end: /generating static routes/ },
  { name: 'rendering pages', end: /\[build\] ✓ Completed in/ },
  { name: 'exit' },
];

const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Splits a run of `totalMs` into phases by the log lines that end them. A phase whose end line never
 * came (a build without images) is left out and its time goes to the next phase found.
 */
export function buildPhases(markers: readonly PhaseMarker[], lines: readonly TimedLine[], samples: readonly MemorySample[], totalMs: number): Phase[] {
  const phases: Phase[] = [];
  let from = 0;
  let index = -1;
  for (const marker of markers) {
    let to = totalMs;
    if (marker.end) {
      const found = lines.findIndex((line, i) => i > index && marker.end!.test(line.text.replace(ANSI, '')));
      if (found < 0) continue;
      index = found;
      to = lines[found].ms;
    }
    const inside = samples.filter((s) => s.ms >= from && s.ms <= to).map((s) => s.bytes);
    phases.push({ name: marker.name, ms: to - from, peakBytes: inside.length > 0 ? Math.max(...inside) : 0 });
    from = to;
  }
  return phases;
}

/** "1.2 MB", "340 KB", "512 B" (decimal units, as transfer sizes are usually given). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** "850 ms", "12.3 s", "4 min 05 s" */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** "×1.35": how many times `a` is `b`. */
export const ratio = (a: number, b: number): string => (b > 0 ? `×${(a / b).toFixed(2)}` : '–');

/** A Markdown table. */
export function markdownTable(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Replaces the generated section `name` of a Markdown document, between `<!-- name:start -->` and
 * `<!-- name:end -->`, or appends it when the document has none yet. The rest is left as written.
 */
export function replaceSection(doc: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) return doc.slice(0, i) + block + doc.slice(j + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}
