/**
 * How long Pagefind takes over a built site's search records once they are made: the records of every
 * page are computed first (as the build's search index step makes them), then handed to Pagefind, then
 * written. Tells whether the site's code or Pagefind sets the pace of the index step.
 *
 *   node scripts/bench/search-handover.ts <built site folder>   (e.g. one kept by `npm run bench -- 10000 --keep`)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { builtPages, recordLayout } from '../../src/integrations/search-index.ts';
import { searchableIn, searchRecord } from '../../src/integrations/search-part.ts';

const site = process.argv[2];
if (!site) throw new Error('usage: node scripts/bench/search-handover.ts <built site folder>');
const started = performance.now();
const pages = builtPages(site);
const layout = recordLayout(site, pages);
const records = pages.flatMap((file) => {
  const doc = searchableIn(site, file);
  return doc ? [searchRecord(doc, layout)] : [];
});
const computed = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
if (!index) throw new Error(errors.join('; '));
const inFlight = new Set<Promise<unknown>>();
for (const record of records) {
  const added: Promise<unknown> = index.addHTMLFile(record).finally(() => inFlight.delete(added));
  inFlight.add(added);
  if (inFlight.size >= 32) await Promise.race(inFlight);
}
await Promise.all(inFlight);
const handedOver = performance.now();
const output = mkdtempSync(join(tmpdir(), 'search-handover-'));
await index.writeFiles({ outputPath: output });
const written = performance.now();
await pagefind.close();
rmSync(output, { recursive: true, force: true });
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`${records.length} records: computed in ${s(computed - started)}, handed to Pagefind in ${s(handedOver - computed)}, written in ${s(written - handedOver)}`);
