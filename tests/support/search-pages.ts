/**
 * Generated pages for tests of the search index: what the site's pages hold for search, and built
 * pages that hold it as the site's own do (a `data-pagefind-body` with `data-search-*` labels).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { expect } from 'vitest';
import { recordTokens } from '../../src/integrations/search-part';
import { oldToneMarks, Random } from '../../src/lib/corpus-generator';
import { BODIES, DOCUMENTS, ORGANISATIONS, TOPICS } from '../../src/lib/corpus-vocabulary';
import type { TermLayout } from '../../src/lib/search-layout';
import { PLACEHOLDER, recordLength, type RecordTokens } from '../../src/lib/pagefind-postings';
import { searchFilters, type SearchDocument } from '../../src/lib/search-records';

/** Text as HTML text or attribute value. */
export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Pages as the site gives them to Pagefind: Vietnamese text in both tone-mark styles, numbers, labels. */
export function searchDocuments(count: number, seed = 7): SearchDocument[] {
  const random = new Random(seed);
  return Array.from({ length: count }, (_, n) => {
    const sentence = () => `${random.pick(BODIES)} ${random.pick(TOPICS).toLowerCase()} cùng ${random.pick(ORGANISATIONS)}.`;
    const text = Array.from({ length: random.int(2, 12) }, sentence).join(' ');
    return {
      url: `/bai-viet/trang-${String(n).padStart(3, '0')}/`,
      title: random.pick(DOCUMENTS),
      text: random.chance(0.3) ? oldToneMarks(text) : text,
      type: random.chance(0.8) ? 'Bài viết' : 'Thông báo',
      date: `${random.int(2019, 2026)}-0${random.int(1, 9)}-1${random.int(0, 9)}T08:00:00+07:00`,
      category: random.pick(['Học tập và làm theo Bác', 'Tin hoạt động', 'Xây dựng Đảng']),
      number: random.chance(0.2) ? `${random.int(1, 300)}-TB/ĐUK` : undefined,
    };
  });
}

/** Writes `doc` into the built site `site` as the page at its address, with a header and menu before it. */
export function writeSearchablePage(site: string, doc: SearchDocument): void {
  const labels = (['type', 'date', 'category', 'number', 'kind'] as const)
    .filter((label) => doc[label])
    .map((label) => ` data-search-${label}="${escapeHtml(doc[label]!)}"`)
    .join('');
  const folder = join(site, doc.url);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'index.html'),
    `<!doctype html><html lang="vi"><body><header><nav><a href="/">Trang chủ</a></nav></header><main><article data-pagefind-body${labels}><h1>${escapeHtml(doc.title)}</h1><p>${escapeHtml(doc.text)}</p></article></main></body></html>`,
  );
}

/**
 * A page's record as HTML for Pagefind to index (src/lib/pagefind-postings.ts says what Pagefind makes of
 * it): its terms in runs of one weight, padded with "-" to its length, and its labels as filters.
 */
export function pagefindRecordHtml(tokens: RecordTokens, filters: [string, string][]): string {
  const runs: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && tokens[j][1] === tokens[i][1]) j++;
    runs.push(`<span data-pagefind-weight="${tokens[i][1]}">${escapeHtml(tokens.slice(i, j).map(([term]) => term).join(' '))}</span>`);
    i = j;
  }
  const padding = Array(recordLength(tokens.length) - tokens.length).fill(PLACEHOLDER).join(' ');
  return [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>',
    `<main data-pagefind-body><p>${runs.join(' ')}</p>`,
    padding ? `<p>${padding}</p>` : '',
    '</main>',
    filters.map(([name, value]) => `<span data-pagefind-filter="${escapeHtml(name)}">${escapeHtml(value)}</span>`).join(''),
    '</body></html>',
  ].join('\n');
}

/** Runs one Pagefind process over the records of `docs` into `dir`: what the site's own index must equal. */
export async function pagefindIndex(docs: readonly SearchDocument[], layout: TermLayout, dir: string): Promise<string> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
  for (const doc of docs) {
    const record = { url: doc.url, content: pagefindRecordHtml(recordTokens(doc, layout), searchFilters(doc)) };
    expect((await index!.addHTMLFile(record)).errors).toEqual([]);
  }
  expect((await index!.writeFiles({ outputPath: dir })).errors).toEqual([]);
  await pagefind.close();
  return dir;
}
