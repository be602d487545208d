import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedBundle, cmsBundleKey, cmsScriptPath } from '../../src/lib/cms-bundle';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dbk-cms-bundle-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

describe('cmsBundleKey', () => {
  const BUNDLER = 'src/integrations/cms-bundle.ts';
  beforeEach(() => {
    write('admin/cms.ts', "import CMS from 'decap-cms-app';");
    write('admin/widgets/vietnam-datetime.ts', 'export const giờ = 7;');
    write('package-lock.json', '{"packages":{"node_modules/decap-cms-app":{"version":"3.16.3"}}}');
    write(BUNDLER, 'build({ minify: true })');
    write('content/articles/bai.mdx', 'Nội dung');
  });

  it('changes with the CMS code at any depth, the packages installed and the bundler, not with content', () => {
    const key = cmsBundleKey(root, [BUNDLER]);
    expect(cmsBundleKey(root, [BUNDLER])).toBe(key);
    write('content/articles/bai.mdx', 'Nội dung đã sửa');
    expect(cmsBundleKey(root, [BUNDLER])).toBe(key);

    const changes: [string, string][] = [
      ['admin/widgets/vietnam-datetime.ts', 'export const giờ = 8;'],
      ['admin/previews/new.ts', ''],
      ['package-lock.json', '{"packages":{"node_modules/decap-cms-app":{"version":"3.16.4"}}}'],
      [BUNDLER, 'build({ minify: false })'],
    ];
    const keys = new Set([key]);
    for (const [path, text] of changes) {
      write(path, text);
      keys.add(cmsBundleKey(root, [BUNDLER]));
    }
    expect(keys.size).toBe(changes.length + 1);
  });

  it('makes a script name a URL and a file can carry', () => {
    expect(cmsScriptPath(cmsBundleKey(root, [BUNDLER]))).toMatch(/^\/_astro\/cms\.[\w-]{16}\.js$/);
  });
});

describe('cachedBundle', () => {
  const cache = () => join(root, 'cache');
  const bundler = () => {
    const made: string[] = [];
    const bundle = async (into: string) => {
      made.push(into);
      mkdirSync(join(into, '_astro'));
      writeFileSync(join(into, '_astro/cms.js'), `bundle ${made.length}`);
    };
    return { made, bundle };
  };

  it('bundles once for a key, then gives the kept bundle', async () => {
    const { made, bundle } = bundler();
    const first = await cachedBundle(cache(), 'key1', bundle);
    expect(first.reused).toBe(false);
    expect(readFileSync(join(first.folder, '_astro/cms.js'), 'utf8')).toBe('bundle 1');
    const second = await cachedBundle(cache(), 'key1', bundle);
    expect(second).toEqual({ folder: first.folder, reused: true });
    expect(made).toHaveLength(1);
  });

  it('keeps only the bundle of the latest key', async () => {
    const { bundle } = bundler();
    await cachedBundle(cache(), 'key1', bundle);
    mkdirSync(join(cache(), '.key0-123'));
    const { folder } = await cachedBundle(cache(), 'key2', bundle);
    expect(readdirSync(cache())).toEqual(['key2']);
    expect(readFileSync(join(folder, '_astro/cms.js'), 'utf8')).toBe('bundle 2');
  });

  it('keeps nothing of a bundle that failed, and says why', async () => {
    const failing = async (into: string) => {
      writeFileSync(join(into, 'half.js'), '');
      throw new Error('admin/cms.ts: cú pháp sai');
    };
    await expect(cachedBundle(cache(), 'key1', failing)).rejects.toThrow('cú pháp sai');
    expect(readdirSync(cache())).toEqual([]);
    const { bundle } = bundler();
    expect((await cachedBundle(cache(), 'key1', bundle)).reused).toBe(false);
    expect(existsSync(join(cache(), 'key1/half.js'))).toBe(false);
  });
});
