/**
 * `npm run generate-corpus -- <dir> [articles] [--notices N] [--seed S]`: writes a deterministic synthetic
 * corpus (src/lib/corpus-generator.ts) into `dir`, which must be empty or missing, and prints its hash.
 * Build it with `CONTENT_DIR=<dir> npm run build`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { corpusHash, generateCorpus, writeCorpus } from '../src/lib/corpus-generator.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { notices: { type: 'string' }, seed: { type: 'string', default: '1' } } });
const [dir, count = '1000'] = positionals;
if (!dir) {
  console.error('Cách dùng: npm run generate-corpus -- <thư mục> [số bài] [--notices N] [--seed S]');
  process.exit(2);
}
if (existsSync(dir) && readdirSync(dir).length > 0) {
  console.error(`${dir} đã có tệp; hãy chọn một thư mục trống.`);
  process.exit(2);
}
const started = performance.now();
const files = await generateCorpus({ articles: Number(count), notices: values.notices === undefined ? undefined : Number(values.notices), seed: Number(values.seed) });
await writeCorpus(dir, files);
console.log(`${files.length} tệp trong ${dir} (${((performance.now() - started) / 1000).toFixed(1)} giây), sha256 ${corpusHash(files)}`);
