/**
 * `npm run validate [-- --fix] [content-dir]`: checks all content and prints one line per problem as
 * `path:line:column message`. Exits 1 when there is any. `--fix` first rewrites files whose only
 * problems are mechanical (NFC, Icelandic Ð, zero-width spaces).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixText } from '../src/lib/text-hygiene.ts';
import { formatProblem, validateContent } from '../src/lib/validate.ts';

const args = process.argv.slice(2);
const fix = args.includes('--fix');
const root = args.find((a) => !a.startsWith('--')) ?? process.env.CONTENT_DIR ?? 'content';

if (fix) {
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(mdx|ya?ml)$/.test(file)) continue;
    const path = join(root, file);
    const source = readFileSync(path, 'utf8');
    const fixed = fixText(source);
    if (fixed !== source) {
      writeFileSync(path, fixed);
      console.log(`đã sửa ${path}`);
    }
  }
}

const started = performance.now();
const problems = validateContent({ root });
for (const problem of problems) console.error(formatProblem(problem));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  console.error(`\n${problems.length} lỗi trong nội dung (${seconds} giây). Hãy sửa các lỗi trên rồi chạy lại.`);
  process.exit(1);
}
console.log(`Nội dung hợp lệ (${seconds} giây).`);
