import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FileFacts } from '../../src/lib/file-facts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dbk-file-facts-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('reads a file again only when its size or time changed, or the code that reads it did', () => {
  const kept = join(root, 'cache/facts.json');
  const pages = ['bai-viet.html', 'thong-bao.html', 'trang-chu.html'].map((name) => join(root, name));
  pages.forEach((page, n) => writeFileSync(page, `<h1>Trang ${n}</h1>`));
  const read: string[] = [];
  const title = (bytes: Buffer) => {
    read.push(bytes.toString('utf8'));
    return bytes.toString('utf8').replace(/<\/?h1>/g, '');
  };
  const run = (version: string, files = pages) => {
    read.length = 0;
    const facts = new FileFacts<string>(kept, version);
    const titles = files.map((file) => facts.of(file, title));
    facts.save();
    return titles;
  };

  expect(run('v1')).toEqual(['Trang 0', 'Trang 1', 'Trang 2']);
  expect(read).toHaveLength(3);
  expect(run('v1')).toEqual(['Trang 0', 'Trang 1', 'Trang 2']);
  expect(read).toEqual([]);

  // Rewritten with the same length by a later build, and only touched: both read again.
  writeFileSync(pages[0], '<h1>Trang 9</h1>');
  utimesSync(pages[0], new Date(2027, 0, 1), new Date(2027, 0, 1));
  utimesSync(pages[1], new Date(2026, 10, 1), new Date(2026, 10, 1));
  expect(run('v1')).toEqual(['Trang 9', 'Trang 1', 'Trang 2']);
  expect(read).toEqual(['<h1>Trang 9</h1>', '<h1>Trang 1</h1>']);

  expect(run('v2')).toEqual(['Trang 9', 'Trang 1', 'Trang 2']);
  expect(read).toHaveLength(3);

  // A file not asked about is forgotten.
  run('v2', pages.slice(1));
  expect(run('v2')).toEqual(['Trang 9', 'Trang 1', 'Trang 2']);
  expect(read).toEqual(['<h1>Trang 9</h1>']);

  writeFileSync(kept, '{"version": "v2", "facts": ');
  expect(run('v2')).toEqual(['Trang 9', 'Trang 1', 'Trang 2']);
  expect(read).toHaveLength(3);
});
