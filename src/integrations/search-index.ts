import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { searchDocumentFromPage, searchRecordHtml } from '../lib/search-records.ts';

/** `/thong-bao/abc/index.html` → `/thong-bao/abc/` */
const urlOf = (file: string) => `/${file.replace(/\\/g, '/').replace(/index\.html$/, '')}`;

/**
 * Builds the Pagefind index at the end of `astro build`, from the searchable part of every built
 * page, folded for Vietnamese (src/lib/search-records.ts). Fails the build on any indexing error.
 * In `astro dev`, serves the last build's index so that search works while editing.
 */
export function searchIndex(): AstroIntegration {
  let outDir = '';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/pagefind/', (req, res, next) => {
          const file = resolve(outDir, 'pagefind', `.${decodeURIComponent((req.url ?? '/').split('?')[0])}`);
          if (!file.startsWith(resolve(outDir, 'pagefind')) || !existsSync(file)) return next();
          res.setHeader('Content-Type', file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream');
          res.end(readFileSync(file));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const problems: string[] = [];
        let pages = 0;
        for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
          if (!file.endsWith('.html') || file.startsWith('admin') || file.startsWith('pagefind')) continue;
          const doc = searchDocumentFromPage(readFileSync(join(out, file), 'utf8'), urlOf(file));
          if (!doc) continue;
          const added = await index.addHTMLFile({ url: doc.url, content: searchRecordHtml(doc) });
          problems.push(...added.errors.map((e) => `${file}: ${e}`));
          pages++;
        }
        const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
        problems.push(...written.errors);
        await pagefind.close();
        // The site has its own search page: Pagefind's ready-made interfaces would only be dead weight.
        for (const file of readdirSync(join(out, 'pagefind'))) {
          if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file)) rmSync(join(out, 'pagefind', file));
        }
        if (problems.length > 0) throw new Error(`Search index failed:\n${problems.join('\n')}`);
        logger.info(`search index: ${pages} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
