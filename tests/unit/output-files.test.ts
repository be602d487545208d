import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { builtHtmlFiles } from '../../src/lib/output-files';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dbk-output-files-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it("lists the HTML files of Astro's routes and of the public folder, relative to the output folder, in order", () => {
  const out = join(root, 'dist');
  const file = (path: string) => pathToFileURL(join(out, path));
  const assets = new Map([
    ['/bai-viet/[slug]', [file('bai-viet/hoc-tap-va-lam-theo-bac/index.html'), file('bai-viet/ban-tin-thang-5/index.html')]],
    ['/rss.xml', [file('rss.xml')]],
    ['/404', [file('404.html')]],
    ['/', [file('index.html')]],
  ]);
  const publicDir = join(root, 'public');
  mkdirSync(join(publicDir, 'tai-lieu'), { recursive: true });
  writeFileSync(join(publicDir, 'tai-lieu/huong-dan.html'), '<p>Hướng dẫn</p>');
  writeFileSync(join(publicDir, 'favicon.svg'), '<svg/>');
  // A file Astro lists that the public folder also holds is listed once.
  writeFileSync(join(publicDir, '404.html'), '');

  expect(builtHtmlFiles(out, assets, publicDir)).toEqual([
    '404.html',
    'bai-viet/ban-tin-thang-5/index.html',
    'bai-viet/hoc-tap-va-lam-theo-bac/index.html',
    'index.html',
    'tai-lieu/huong-dan.html',
  ]);
  expect(builtHtmlFiles(out, assets, join(root, 'khong-co'))).toHaveLength(4);
});
