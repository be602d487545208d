import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFolder } from '../../src/lib/folder-removal';
import { jsonFileModule, storeJson } from '../../src/lib/store-module';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dbk-fast-build-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The store module as Astro writes it (vite-plugin-content-virtual-mod.js). */
const astroStoreModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;

describe('the content store module', () => {
  // Quotes, backslashes, line separators, Vietnamese in both forms and a character outside the BMP.
  const store = JSON.stringify([{ html: '<p class="sapo">Học tập và làm theo tư tưởng\\ "đạo đức"\u2028 phong cách Hồ Chí Minh 🇻🇳</p>', nfd: 'hoà'.normalize('NFD') }]);

  it('gives back the JSON that Astro wrote into it', () => {
    expect(storeJson(astroStoreModule(store))).toBe(store);
  });

  it('leaves alone code of any other shape', () => {
    expect(storeJson('export default new Map()')).toBeUndefined();
    expect(storeJson('export default JSON.parse(42)')).toBeUndefined();
    expect(storeJson('export default JSON.parse("a") + JSON.parse("b")')).toBeUndefined();
    expect(storeJson(`${astroStoreModule(store)};\nexport const more = 1`)).toBeUndefined();
  });

  it('is replaced by a module that reads the same value from a file', async () => {
    const file = join(root, 'store.json');
    writeFileSync(file, storeJson(astroStoreModule(store))!);
    const module = join(root, 'store.mjs');
    writeFileSync(module, jsonFileModule(file));
    const { default: value } = await import(pathToFileURL(module).href);
    expect(value).toEqual(JSON.parse(store));
  });
});

describe('emptyFolder', () => {
  const tree = (folder: string) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();

  it('empties the folder at once but for what it is told to keep, and deletes the rest', async () => {
    const out = join(root, 'dist');
    mkdirSync(join(out, 'bai-viet/mot-bai'), { recursive: true });
    mkdirSync(join(out, '.git'));
    writeFileSync(join(out, 'index.html'), '<h1>Trang chủ</h1>');
    writeFileSync(join(out, 'bai-viet/mot-bai/index.html'), '<h1>Bài</h1>');
    writeFileSync(join(out, '.git/HEAD'), 'ref: refs/heads/main');
    const deleted = emptyFolder(out, new Set(['.git']));
    // Emptied before the deletion ends: the build may start writing.
    expect(tree(out)).toEqual(['.git', '.git/HEAD']);
    expect(await deleted).toEqual([]);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('also deletes what an earlier build left to be deleted when it stopped', async () => {
    const out = join(root, 'dist');
    mkdirSync(out);
    mkdirSync(join(root, '.dist-removing-123-456/bai-viet'), { recursive: true });
    writeFileSync(join(root, '.dist-removing-123-456/bai-viet/index.html'), 'cũ');
    mkdirSync(join(root, 'dist-khac'));
    await emptyFolder(out);
    expect(readdirSync(root).sort()).toEqual(['dist', 'dist-khac']);
  });

  it('does nothing for a folder that does not exist', async () => {
    expect(await emptyFolder(join(root, 'chua-co'))).toEqual([]);
    expect(existsSync(join(root, 'chua-co'))).toBe(false);
  });
});
