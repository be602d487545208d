import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { emptyFolder } from '../lib/folder-removal.ts';
import { jsonFileModule, storeJson } from '../lib/store-module.ts';

/**
 * Two things Astro does slowly at 10,000 articles, done faster with the same result
 * (docs/performance.md):
 * - the output folder is emptied when the build starts (emptyFolder), so that Astro, which would
 *   delete its 28,635 files one by one, finds it empty;
 * - the content store module reads the store's JSON from a file in the cache folder when it runs
 *   (src/lib/store-module.ts), instead of holding it as a string literal that the build bundles and
 *   V8 compiles.
 */
export function fastBuild(): AstroIntegration {
  let outDir = '';
  let storeFile = '';
  let emptied: Promise<string[]> = Promise.resolve([]);
  return {
    name: 'fast-build',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        if (command !== 'build') return;
        storeFile = join(fileURLToPath(config.cacheDir), 'content-store-module.json');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-store-from-file',
                // The id Vite gives Astro's content store module (astro/dist/content/consts.js).
                transform: {
                  filter: { id: /^\0astro:data-layer-content$/ },
                  handler: (code: string) => {
                    const json = storeJson(code);
                    if (json === undefined) {
                      logger.warn("Astro's content store module is not of the shape this build knows; it is bundled as it is, which is slower");
                      return undefined;
                    }
                    writeFileSync(storeFile, json);
                    logger.info(`content store module: ${(Buffer.byteLength(json) / 1e6).toFixed(1)} MB of JSON, read from the cache folder when the pages are rendered`);
                    return jsonFileModule(storeFile);
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
        rmSync(storeFile, { force: true });
        for (const folder of await emptied) logger.warn(`could not delete ${folder}, which held the last build's output; the next build tries again`);
      },
    },
  };
}
