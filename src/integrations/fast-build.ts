import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { emptyFolder } from '../lib/folder-removal.ts';
import { dropUnwritten, recordOutput, takeOutputRecord, writeOutputRecord, type KeepTask } from '../lib/kept-output.ts';
import { workerAnswer } from '../lib/worker-answer.ts';
import { routeFiles } from '../lib/output-files.ts';
import { ASTRO_STORE_FILE, ASTRO_STORE_MODULE, storeFileModule } from '../lib/store-module.ts';

/** The module Astro's content store module is resolved to, and the id it is loaded under. */
const STORE_MODULE = 'virtual:site-content-store';
const RESOLVED_STORE_MODULE = `\0${STORE_MODULE}`;

/** The record of the files the last build wrote for its routes (src/lib/kept-output.ts), in the cache folder. */
const OUTPUT_RECORD = 'output-record.json';

/**
 * Three things Astro does slowly at 10,000 articles, done faster with the same result
 * (docs/performance.md). Two integrations: `first` goes before the others in the configuration, `last`
 * after them.
 * - the output folder is emptied when the build starts (emptyFolder), instead of by Astro, which
 *   deletes its 28,635 files one by one;
 * - but for the files of the last build's routes that are as it wrote them (src/lib/kept-output.ts):
 *   Astro takes an unchanged page found there instead of copying it from its cache folder, and those
 *   the build does not write again are deleted when it ends;
 * - the content store module reads the store's JSON from Astro's file in the cache folder when it
 *   runs (src/lib/store-module.ts), instead of holding it as a string literal that Astro writes, the
 *   build bundles and V8 compiles.
 */
export function fastBuild(): { first: AstroIntegration; last: AstroIntegration } {
  let outDir = '';
  let recordFile = '';
  let keeping: Promise<string[]> = Promise.resolve([]);
  let storeModuleLoaded = false;
  let emptied: Promise<string[]> = Promise.resolve([]);
  const first: AstroIntegration = {
    name: 'fast-build',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        if (command !== 'build') return;
        const storeFile = join(fileURLToPath(config.cacheDir), ASTRO_STORE_FILE);
        updateConfig({
          vite: {
            // Astro would empty the output folder again after astro:build:start, kept files and all.
            build: { emptyOutDir: false },
            // An alias applies before any plugin resolves the id, Astro's own included.
            resolve: { alias: [{ find: new RegExp(`^${ASTRO_STORE_MODULE}$`), replacement: STORE_MODULE }] },
            plugins: [
              {
                // Astro renders the pages in a later hook of the same kind (static-build.js): the last
                // build's files must be back by then, for Astro to take them.
                name: 'kept-output-before-pages',
                buildApp: { order: 'post', handler: () => keeping.then(() => undefined) },
              },
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
        recordFile = join(fileURLToPath(config.cacheDir), OUTPUT_RECORD);
      },
      // Astro means to keep a `.git` folder in the output folder (static-build.js); so does this.
      'astro:build:start': () => {
        const record = takeOutputRecord(recordFile, outDir);
        keeping = Promise.resolve([]);
        emptied = emptyFolder(outDir, new Set(['.git']), (aside) => {
          if (record) keeping = keptInWorker({ aside, outDir, record });
          return keeping;
        });
      },
      // The first build:done hook (astro.config.mjs): the route files are final, and nothing else is written yet.
      'astro:build:done': async ({ assets, logger }) => {
        const kept = await keeping;
        const written = routeFiles(outDir, assets);
        const dropped = dropUnwritten(outDir, kept, written);
        writeOutputRecord(recordFile, recordOutput(outDir, written));
        logger.info(`${kept.length} files of the last build's routes kept in the output folder, ${dropped} of them no longer built and deleted`);
        if (!storeModuleLoaded) logger.warn(`Astro's content store module is no longer imported as ${ASTRO_STORE_MODULE}; it was bundled as Astro writes it, which is slower`);
      },
    },
  };
  // The last build's output is deleted while the other integrations write the sitemap, the search index
  // and the headers; the build ends when the deletion has.
  const last: AstroIntegration = {
    name: 'fast-build-end',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        for (const folder of await emptied) logger.warn(`could not delete ${folder}, which held the last build's output; the next build tries again`);
      },
    },
  };
  return { first, last };
}

/** The worker thread's code: a .ts file, which Node runs as it is (its types stripped). */
const KEEP_WORKER = fileURLToPath(new URL('./keep-worker.ts', import.meta.url));

/**
 * keepRecorded in a worker thread: making 14,660 folders and moving the files into them took 2 s at
 * 10,000 articles, which the main thread spends bundling meanwhile.
 */
async function keptInWorker(task: KeepTask): Promise<string[]> {
  const worker = new Worker(KEEP_WORKER);
  try {
    return await workerAnswer<string[]>(worker, task);
  } finally {
    await worker.terminate();
  }
}
