import { describe, expect, it } from 'vitest';
import { buildPhases, formatBytes, formatDuration, markdownTable, median, parseProcStat, peakByName, percentile, replaceSection, treeRssPages, treeRssPagesByName, type PhaseMarker } from '../../src/lib/benchmark';

describe('benchmark statistics', () => {
  it('computes the median and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(median([])).toBeNaN();
  });

  it('formats sizes and durations', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(299_999)).toBe('300.0 KB');
    expect(formatBytes(4_200_000_000)).toBe('4.20 GB');
    expect(formatDuration(87)).toBe('87 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
  });
});

describe('process tree memory', () => {
  it('reads /proc/<pid>/stat even when the command name has spaces and parentheses', () => {
    const fields = ['S', '41', ...Array.from({ length: 19 }, (_, i) => String(i)), '2500', '18446744073709551615'];
    expect(parseProcStat(`42 (node (worker) x) ${fields.join(' ')}`)).toEqual({ pid: 42, ppid: 41, name: 'node (worker) x', rssPages: 2500, threads: 15 });
    expect(parseProcStat('garbage')).toBeUndefined();
  });

  it('sums the RSS of a process and all its descendants, and nothing else', () => {
    const proc = (pid: number, ppid: number, name: string, rssPages: number, threads: number) => ({ pid, ppid, name, rssPages, threads });
    const procs = [proc(1, 0, 'init', 1000, 1), proc(10, 1, 'node', 100, 11), proc(11, 10, 'pagefind', 10, 3), proc(12, 11, 'node', 1, 7), proc(20, 1, 'chromium', 5000, 30)];
    expect(treeRssPages(procs, 10)).toBe(111);
    expect(treeRssPagesByName(procs, 10)).toEqual({ node: 101, pagefind: 10 });
    expect(treeRssPages(procs, 99)).toBe(0);
    // Node's processes, and a copy of one being spawned from a thread, between fork and exec.
    const spawning = [proc(10, 1, 'MainThread', 100, 11), proc(13, 10, 'WorkerThread', 90, 1), proc(14, 10, 'MainThread', 20, 9), proc(15, 10, 'pagefind', 10, 1)];
    expect(treeRssPages(spawning, 10)).toBe(130);
    expect(treeRssPagesByName(spawning, 10)).toEqual({ MainThread: 120, pagefind: 10 });
    const samples = [
      { ms: 0, bytes: 3, byName: { node: 2, pagefind: 1 } },
      { ms: 100, bytes: 9, byName: { node: 1, pagefind: 8 } },
    ];
    expect(peakByName(samples)).toEqual([
      ['pagefind', 8],
      ['node', 2],
    ]);
  });
});

describe('build phases', () => {
  const markers: PhaseMarker[] = [
    { name: 'validate', end: /valid/ },
    { name: 'images', end: /images done/ },
    { name: 'render', end: /Completed/ },
    { name: 'index', end: /\[search-index\]/ },
    { name: 'exit' },
  ];

  it('splits a run at the log lines that end each phase, with the peak memory in each', () => {
    const lines = [
      { ms: 100, text: '[content-validation] valid' },
      { ms: 900, text: '\u001b[32m✓ Completed\u001b[0m in 800ms' },
      { ms: 1500, text: '[search-index] 10 pages' },
    ];
    const samples = [
      { ms: 50, bytes: 10 },
      { ms: 500, bytes: 300 },
      { ms: 1200, bytes: 200 },
      { ms: 1600, bytes: 5 },
    ];
    // No "images done" line: that phase is left out and its time goes to the next one.
    expect(buildPhases(markers, lines, samples, 1700)).toEqual([
      { name: 'validate', ms: 100, peakBytes: 10 },
      { name: 'render', ms: 800, peakBytes: 300 },
      { name: 'index', ms: 600, peakBytes: 200 },
      { name: 'exit', ms: 200, peakBytes: 5 },
    ]);
  });
});

describe('docs/performance.md sections', () => {
  it('replaces a generated section and leaves the rest as written', () => {
    const doc = '# Performance\n\nWritten by hand.\n\n<!-- bench:build:start -->\nold\n<!-- bench:build:end -->\n\n## Findings\n';
    const updated = replaceSection(doc, 'bench:build', 'new');
    expect(updated).toBe('# Performance\n\nWritten by hand.\n\n<!-- bench:build:start -->\nnew\n<!-- bench:build:end -->\n\n## Findings\n');
    expect(replaceSection(updated, 'bench:search', 'search')).toBe(`${updated.trimEnd()}\n\n<!-- bench:search:start -->\nsearch\n<!-- bench:search:end -->\n`);
  });

  it('writes Markdown tables', () => {
    expect(markdownTable(['a', 'b'], [[1, 'x']])).toBe('| a | b |\n| --- | --- |\n| 1 | x |');
  });
});
