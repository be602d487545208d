import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { emptyFolder } from '../lib/folder-removal.ts';
import { ASTRO_STORE_FILE, ASTRO_STORE_MODULE, storeFileModule } from '../lib/store-module.ts';

/** The module Astro's content store module is resolved to, and the id it is loaded under. */
const STORE_MODULE = 'virtual:site-content-store';
const RESOLVED_STORE_MODULE = `\0${STORE_MODULE}`;

/**
 * Two things Astro does slowly at 10,000 articles, done faster with the same result
 * (docs/performance.md):
 * - the output folder is emptied when the build starts (emptyFolder), so that Astro, which would
 *   delete its 28,635 files one by one, finds it empty;
 * - the content store module reads the store's JSON from Astro's file in the cache folder when it
 *   runs (src/lib/store-module.ts), instead of holding it as a string literal that Astro writes, the
 *   build bundles and V8 compiles.
 */
export function fastBuild(): AstroIntegration {
  let outDir = '';
  let storeModuleLoaded = false;
  let emptied: Promise<string[]> = Promise.resolve([]);
  return {
    name: 'fast-build',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        if (command !== 'build') return;
        const storeFile = join(fileURLToPath(config.cacheDir), ASTRO_STORE_FILE);
        updateConfig({
          vite: {
            // An alias applies before any plugin resolves the id, Astro's own included.
            resolve: { alias: [{ find: new RegExp(`^${ASTRO_STORE_MODULE}$`), replacement: STORE_MODULE }] },
            plugins: [
              {
                name: 'content-store-from-file',
                resolveId: { filter: { id: new RegExp(`^${STORE_MODULE}$`) }, handler: () => RESOLVED_STORE_MODULE },
                load: {
                  filter: { id: new RegExp(`^\\0${STORE_MODULE}$`) },
                  handler: () => {
                    storeModuleLoaded = true;
                    const size = existsSync(storeFile) ? statSync(storeFile).size : 0;
                    logger.info(`content store module: ${(size / 1e6).toFixed(1)} MB of JSON, read from the cache folder when the pages are rendered`);
                    return storeFileModule(storeFile);
                  },
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // Astro means to keep a `.git` folder in the output folder (static-build.js); so does this.
      'astro:build:start': () => {
        emptied = emptyFolder(outDir, new Set(['.git']));
      },
      'astro:build:done': async ({ logger }) => {
        if (!storeModuleLoaded) logger.warn(`Astro's content store module is no longer imported as ${ASTRO_STORE_MODULE}; it was bundled as Astro writes it, which is slower`);
        for (const folder of await emptied) logger.warn(`could not delete ${folder}, which held the last build's output; the next build tries again`);
      },
    },
  };
}
