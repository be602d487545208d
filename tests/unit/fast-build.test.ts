import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFolder } from '../../src/lib/folder-removal';
import { ASTRO_STORE_FILE, ASTRO_STORE_MODULE, storeFileModule } from '../../src/lib/store-module';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dbk-fast-build-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the content store module', () => {
  // Quotes, backslashes, line separators, Vietnamese in both forms and a character outside the BMP.
  const store = JSON.stringify([{ html: '<p class="sapo">Học tập và làm theo tư tưởng\\ "đạo đức"\u2028 phong cách Hồ Chí Minh 🇻🇳</p>', nfd: 'hoà'.normalize('NFD') }]);

  /** The value of the module storeFileModule makes for `file`, as the built pages import it. */
  const valueOf = async (file: string) => {
    const module = join(root, `store-${Math.random()}.mjs`);
    writeFileSync(module, storeFileModule(file));
    return (await import(pathToFileURL(module).href)).default as unknown;
  };

  it("gives what Astro's module gives: the store file's JSON, parsed", async () => {
    const file = join(root, 'data-store.json');
    writeFileSync(file, store);
    // Astro's own module for the same file (astro/dist/content/vite-plugin-content-virtual-mod.js).
    const astroModule = join(root, 'astro-store.mjs');
    writeFileSync(astroModule, `export default JSON.parse(${JSON.stringify(store)})`);
    expect(await valueOf(file)).toEqual((await import(pathToFileURL(astroModule).href)).default);
  });

  it('gives an empty Map where there is no store file, as Astro does', async () => {
    expect(await valueOf(join(root, 'khong-co.json'))).toEqual(new Map());
  });

  it('stands in for the module and the file of the Astro installed', () => {
    const consts = readFileSync(join(dirname(fileURLToPath(import.meta.resolve('astro/package.json'))), 'dist/content/consts.js'), 'utf8');
    expect(consts).toContain(`const DATA_STORE_VIRTUAL_ID = ${JSON.stringify(ASTRO_STORE_MODULE)};`);
    expect(consts).toContain(`const DATA_STORE_FILE = ${JSON.stringify(ASTRO_STORE_FILE)};`);
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
