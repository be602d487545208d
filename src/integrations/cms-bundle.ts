import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cachedBundle, cmsBundleKey, cmsScriptPath, CMS_SOURCE_DIR } from '../lib/cms-bundle.ts';

/** The module that tells the CMS's page (src/pages/admin/index.astro) which script to load. */
const SCRIPT_MODULE = 'virtual:cms-script';
const RESOLVED_SCRIPT_MODULE = `\0${SCRIPT_MODULE}`;

/** This file, whose bundler settings are part of the bundle's key. */
const BUNDLER_FILE = 'src/integrations/cms-bundle.ts';

/**
 * The CMS's script, bundled apart from the pages and kept in the cache folder between builds
 * (src/lib/cms-bundle.ts). A build starts bundling it, if the cache does not hold it, while Astro checks
 * and loads the content, and copies it into the output when the pages are built. The development
 * server serves admin/cms.ts itself.
 */
export function cmsBundle(): AstroIntegration {
  let script = `/${CMS_SOURCE_DIR}/cms.ts`;
  let bundled: Promise<{ folder: string; reused: boolean; ms: number }> | undefined;
  return {
    name: 'cms-bundle',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command === 'build') {
          const root = fileURLToPath(config.root);
          const key = cmsBundleKey(root, [BUNDLER_FILE]);
          script = cmsScriptPath(key);
          const started = performance.now();
          bundled = cachedBundle(join(fileURLToPath(config.cacheDir), 'cms-bundle'), key, (into) => bundle(root, into, script)).then((result) => ({ ...result, ms: performance.now() - started }));
          // Awaited when the pages are built; until then a failure must not end the process unreported.
          bundled.catch(() => undefined);
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'cms-script',
                resolveId: { filter: { id: new RegExp(`^${SCRIPT_MODULE}$`) }, handler: () => RESOLVED_SCRIPT_MODULE },
                load: { filter: { id: new RegExp(`^\\0${SCRIPT_MODULE}$`) }, handler: () => `export const cmsScript = ${JSON.stringify(script)};` },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!bundled) return;
        const { folder, reused, ms } = await bundled;
        cpSync(folder, fileURLToPath(dir), { recursive: true });
        logger.info(reused ? `CMS script ${script} taken from the cache folder` : `CMS script ${script} bundled in ${Math.round(ms)} ms, beside the build`);
      },
    },
  };
}

/**
 * Bundles admin/cms.ts into `into` with Vite, as the site's own build would bundle a page's script,
 * the entry under the name `script` and its chunks beside it. Decap's dependencies draw warnings
 * (`eval`, 'use client', chunk sizes) that say nothing about the site; errors stop the build.
 */
async function bundle(root: string, into: string, script: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'error',
    mode: 'production',
    build: {
      outDir: into,
      emptyOutDir: true,
      copyPublicDir: false,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: join(root, CMS_SOURCE_DIR, 'cms.ts'),
        output: { entryFileNames: script.slice(1), chunkFileNames: '_astro/[name].[hash].js', assetFileNames: '_astro/[name].[hash][extname]' },
      },
    },
  });
}
