/**
 * The CMS's script (admin/cms.ts with Decap CMS: 5.8 MB and 140 files) is bundled apart from the site's
 * pages, once for each version of what it is made from, and kept in the cache folder. Bundled with the
 * pages, it took 5–7 s of every build, a one-article republish included, though it changes only with
 * the admin code or the packages installed (docs/performance.md).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { filesDigest } from './files-digest.ts';

/** Where the CMS's code is, relative to the project root. */
export const CMS_SOURCE_DIR = 'admin';

/** The script the CMS's page loads from a build whose bundle has `key`. */
export const cmsScriptPath = (key: string) => `/_astro/cms.${key}.js`;

/**
 * The key of the bundle made from the project at `root`: a digest of the CMS's code, of the packages
 * installed (package-lock.json, which npm keeps in step with them) and of `bundlerFiles`, the code that
 * bundles it.
 */
export function cmsBundleKey(root: string, bundlerFiles: readonly string[]): string {
  const sources = readdirSync(join(root, CMS_SOURCE_DIR), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
  return filesDigest(root, [...sources, 'package-lock.json', ...bundlerFiles], '').slice(0, 16);
}

/**
 * The folder under `cacheFolder` that holds the bundle with `key`, made by `bundle(into)` if it is not
 * there. A bundle is made in a folder of its own and renamed when complete, so a build that stops
 * midway leaves nothing that a later one would take; everything else in `cacheFolder` is removed.
 */
export async function cachedBundle(cacheFolder: string, key: string, bundle: (into: string) => Promise<void>): Promise<{ folder: string; reused: boolean }> {
  const folder = join(cacheFolder, key);
  const reused = existsSync(folder);
  if (!reused) {
    const making = join(cacheFolder, `.${key}-${process.pid}`);
    rmSync(making, { recursive: true, force: true });
    mkdirSync(making, { recursive: true });
    try {
      await bundle(making);
    } catch (error) {
      rmSync(making, { recursive: true, force: true });
      throw error;
    }
    renameSync(making, folder);
  }
  for (const name of readdirSync(cacheFolder)) if (name !== key) rmSync(join(cacheFolder, name), { recursive: true, force: true });
  return { folder, reused };
}
