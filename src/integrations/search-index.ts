import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { searchDocumentFromPage, searchRecordHtml } from '../lib/search-records.ts';
import { SEARCH_TEXT_DIR, searchTextPath, type SearchText } from '../lib/search-text.ts';

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** `/thong-bao/abc/index.html` → `/thong-bao/abc/` */
const urlOf = (file: string) => `/${file.replace(/\\/g, '/').replace(/index\.html$/, '')}`;

/**
 * Indexes every built page of `outDir` that has a `data-pagefind-body` (src/lib/search-records.ts) into
 * `outDir/pagefind/`, and writes each page's text beside it for excerpts. Throws on any indexing error.
 */
export async function writeSearchIndex(outDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const problems: string[] = [];
  let pages = 0;
  for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html') || file.startsWith('admin') || file.startsWith('pagefind')) continue;
    const doc = searchDocumentFromPage(readFileSync(join(outDir, file), 'utf8'), urlOf(file));
    if (!doc) continue;
    const added = await index.addHTMLFile({ url: doc.url, content: searchRecordHtml(doc) });
    problems.push(...added.errors.map((e) => `${file}: ${e}`));
    const textFile = join(outDir, searchTextPath(doc.url));
    mkdirSync(dirname(textFile), { recursive: true });
    writeFileSync(textFile, JSON.stringify({ text: doc.text } satisfies SearchText));
    pages++;
  }
  const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  problems.push(...written.errors);
  await pagefind.close();
  // The site has its own search page: Pagefind's ready-made interfaces would only be dead weight.
  for (const file of readdirSync(join(outDir, 'pagefind'))) {
    if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file)) rmSync(join(outDir, 'pagefind', file));
  }
  if (problems.length > 0) throw new Error(`Search index failed:\n${problems.join('\n')}`);
  return { pages };
}

/**
 * Builds the search index at the end of `astro build` (see writeSearchIndex). In `astro dev`, serves
 * the last build's index so that search works while editing.
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
        for (const folder of ['pagefind', SEARCH_TEXT_DIR]) {
          const root = resolve(outDir, folder);
          server.middlewares.use(`/${folder}/`, (req, res, next) => {
            const file = resolve(root, `.${decodeURIComponent((req.url ?? '/').split('?')[0])}`);
            if (!file.startsWith(root) || !existsSync(file)) return next();
            res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
            res.end(readFileSync(file));
          });
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages } = await writeSearchIndex(fileURLToPath(dir));
        logger.info(`search index: ${pages} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
