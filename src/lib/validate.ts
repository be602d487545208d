/**
 * Checks all content without a build: file names, front matter against the same schemas the build
 * uses, MDX syntax and the safe-MDX policy, references (categories, internal links, images,
 * attachments) and text encoding. Every problem is reported with its file, line and column.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { load } from 'js-yaml';
import { mdxToMdast } from 'satteri';
import { z } from 'astro/zod';
import { isPublished } from './corpus.ts';
import { entryPathProblems } from './entry-paths.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { BODY_FEATURES, inspectMdx, type MdxInspection } from './mdx-policy.ts';
import { articleSchema, categorySchema, noticeSchema, pageSchema, settingsSchema } from './schemas.ts';
import { slugFromEntryPath } from './slugs.ts';
import { textProblems } from './text-hygiene.ts';

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** `path:line:column message`, the form editors' tools and CI logs link to. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.message}`;
}

type Collection = 'articles' | 'notices' | 'pages';
const ENTRY_COLLECTIONS: Collection[] = ['articles', 'notices', 'pages'];
const ROUTE_PREFIX: Record<Collection, string> = { articles: '/bai-viet/', notices: '/thong-bao/', pages: '/' };
const FRONTMATTER_BLOCK = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

const schemas = {
  // Images are checked for existence below; here their path is only a string.
  articles: articleSchema(() => z.string()),
  notices: noticeSchema,
  pages: pageSchema,
};

interface Entry {
  collection: Collection;
  file: string;
  slug: string;
  /** The front matter as written, for reference checks even when the schema refuses it */
  raw?: Record<string, unknown>;
  published: boolean;
  inspection?: MdxInspection;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .sort();
}

/**
 * The line of a front-matter field, for messages: follows nested keys by indentation and falls back
 * to the nearest parent found.
 */
export function fieldLine(frontmatter: string, path: readonly PropertyKey[]): number {
  const lines = frontmatter.split('\n');
  let found = 0;
  let from = 0;
  let indent = -1;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const pattern = new RegExp(`^(\\s*)(?:-\\s+)?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
    let hit = -1;
    for (let i = from; i < lines.length; i++) {
      const m = pattern.exec(lines[i]);
      const lineIndent = lines[i].search(/\S/);
      if (i > from && indent >= 0 && lineIndent >= 0 && lineIndent <= indent && !m) break;
      if (m && m[1].length > indent) {
        hit = i;
        indent = m[1].length;
        break;
      }
    }
    if (hit < 0) break;
    found = hit + 1;
    from = hit + 1;
  }
  // +1 for the opening `---` line
  return found === 0 ? 1 : found + 1;
}

/** Reads `path:line:column` out of a satteri parse error ("3:7: Expected …"). */
function parseErrorPosition(message: string): { line: number; column: number; text: string } {
  const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]), text: m[3] } : { line: 1, column: 1, text: message };
}

export interface ValidateOptions {
  /** The content folder */
  root: string;
  /** "Now", for what counts as published (links to scheduled entries are broken until then) */
  now?: Date;
  /** Paths in messages are relative to this folder */
  cwd?: string;
}

export function validateContent({ root, now = new Date(), cwd = process.cwd() }: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  const show = (file: string) => relative(cwd, file) || file;
  const report = (file: string, line: number, column: number, message: string) => problems.push({ file: show(file), line, column, message });

  // Categories and settings
  const categoryIds = new Set<string>();
  for (const file of listFiles(resolve(root, 'categories')).filter((f) => /\.ya?ml$/.test(f))) {
    const id = file.split(/[\\/]/).pop()!.replace(/\.ya?ml$/, '');
    categoryIds.add(id);
    checkYaml(file, categorySchema);
  }
  const settingsFile = resolve(root, 'settings/site.yaml');
  if (existsSync(settingsFile)) checkYaml(settingsFile, settingsSchema);
  else report(settingsFile, 1, 1, 'thiếu tệp cài đặt trang (content/settings/site.yaml)');

  function checkYaml(file: string, schema: z.ZodType) {
    const source = readFileSync(file, 'utf8');
    for (const p of textProblems(source)) report(file, p.line, p.column, p.message);
    let data: unknown;
    try {
      data = load(source);
    } catch (error) {
      const mark = (error as { mark?: { line: number; column: number } }).mark;
      report(file, (mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1, `YAML không hợp lệ: ${(error as { reason?: string }).reason ?? String(error)}`);
      return;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) report(file, Math.max(fieldLine(source, issue.path) - 1, 1), 1, issue.message);
    }
  }

  // Entries
  const entries: Entry[] = [];
  for (const collection of ENTRY_COLLECTIONS) {
    const dir = resolve(root, collection);
    const files = listFiles(dir);
    for (const file of files.filter((f) => /\.(md|markdown)$/i.test(f))) {
      report(file, 1, 1, 'tệp Markdown phải có đuôi .mdx thì trang mới đọc được; hãy đổi tên tệp');
    }
    const mdx = files.filter((f) => f.endsWith('.mdx'));
    for (const p of entryPathProblems(dir, mdx)) report(p.file, 1, 1, p.message);
    for (const file of mdx) entries.push(checkEntry(collection, dir, file));
  }

  function checkEntry(collection: Collection, dir: string, file: string): Entry {
    const entry: Entry = { collection, file, slug: slugFromEntryPath(relative(dir, file)), published: false };
    const source = readFileSync(file, 'utf8');
    for (const p of textProblems(source)) report(file, p.line, p.column, p.message);

    const block = FRONTMATTER_BLOCK.exec(source);
    if (!block) {
      report(file, 1, 1, 'thiếu phần thông tin đầu bài (front matter) giữa hai dòng ---');
      return entry;
    }
    let raw: Record<string, unknown>;
    try {
      raw = parseFrontmatter(source);
    } catch (error) {
      const mark = (error as { mark?: { line: number; column: number } }).mark;
      report(file, (mark?.line ?? 0) + 2, (mark?.column ?? 0) + 1, `phần thông tin đầu bài (YAML) sai cú pháp: ${(error as { reason?: string }).reason ?? String(error)}`);
      return entry;
    }
    entry.raw = raw;
    const result = schemas[collection].safeParse(raw);
    if (result.success) {
      const data = result.data as { draft: boolean; date?: Date };
      entry.published = collection === 'pages' ? !data.draft : isPublished({ draft: data.draft, date: data.date! }, now);
    } else {
      for (const issue of result.error.issues) report(file, fieldLine(block[1], issue.path), 1, issue.message);
    }

    // The body, parsed by the same MDX parser the build uses; the front matter is blanked so that
    // positions stay those of the file.
    const body = source.slice(0, block[0].length).replace(/[^\n]/g, '') + source.slice(block[0].length);
    try {
      entry.inspection = inspectMdx(mdxToMdast(body, { features: BODY_FEATURES }) as Parameters<typeof inspectMdx>[0]);
      for (const p of entry.inspection.problems) report(file, p.line, p.column, p.message);
    } catch (error) {
      const { line, column, text } = parseErrorPosition((error as Error).message);
      report(file, line, column, `lỗi cú pháp MDX: ${text}. Nếu cần viết dấu <, { hoặc }, hãy viết \\<, \\{, \\}`);
    }
    return entry;
  }

  // References between entries and to files
  const published = new Map<string, Entry>();
  const existing = new Map<string, Entry>();
  for (const entry of entries) {
    existing.set(ROUTE_PREFIX[entry.collection] + entry.slug + '/', entry);
    if (entry.published) published.set(ROUTE_PREFIX[entry.collection] + entry.slug + '/', entry);
  }

  for (const entry of entries) {
    const raw = entry.raw ?? {};
    const here = dirname(entry.file);
    const missingBeside = (file: unknown) => typeof file === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(file) && !existsSync(resolve(here, file));
    if (entry.collection === 'articles' && typeof raw.category === 'string' && raw.category && !categoryIds.has(raw.category)) {
      report(entry.file, fieldLine(frontmatterOf(entry.file), ['category']), 1, `chuyên mục (category) "${raw.category}" không có; các chuyên mục hiện có: ${[...categoryIds].join(', ')}`);
    }
    const cover = raw.cover as { src?: unknown } | undefined;
    if (cover && missingBeside(cover.src)) {
      report(entry.file, fieldLine(frontmatterOf(entry.file), ['cover', 'src']), 1, `không tìm thấy ảnh "${String(cover.src)}" cạnh bài`);
    }
    if (missingBeside(raw.audio)) {
      report(entry.file, fieldLine(frontmatterOf(entry.file), ['audio']), 1, `không tìm thấy tệp âm thanh "${String(raw.audio)}" cạnh bài`);
    }
    const attachments = Array.isArray(raw.attachments) ? (raw.attachments as { file?: unknown }[]) : [];
    attachments.forEach((a, i) => {
      if (missingBeside(a?.file)) report(entry.file, fieldLine(frontmatterOf(entry.file), ['attachments', i, 'file']), 1, `không tìm thấy tệp đính kèm "${String(a.file)}" cạnh bài`);
    });
    for (const image of entry.inspection?.images ?? []) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(image.url) || image.url.startsWith('/')) continue;
      if (!existsSync(resolve(here, decodeURIComponent(image.url)))) report(entry.file, image.line, image.column, `không tìm thấy ảnh "${image.url}" cạnh bài`);
    }
    for (const link of entry.inspection?.links ?? []) {
      const message = internalLinkProblem(link.url, entry);
      if (message) report(entry.file, link.line, link.column, message);
    }
  }

  function frontmatterOf(file: string): string {
    return FRONTMATTER_BLOCK.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  }

  /** Internal links to entries must point at a published entry, and an anchor at one of its headings. */
  function internalLinkProblem(url: string, from: Entry): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
    const [pathPart, anchor] = url.split('#', 2) as [string, string | undefined];
    if (pathPart === '') {
      return anchor && !from.inspection?.headingIds.has(decodeURIComponent(anchor)) ? `liên kết "#${anchor}" không trỏ tới đề mục nào trong bài` : undefined;
    }
    if (!pathPart.startsWith('/')) return undefined;
    const path = pathPart.endsWith('/') ? pathPart : `${pathPart}/`;
    const isEntryRoute = /^\/(bai-viet|thong-bao)\/[^/]+\/$/.test(path) || (/^\/[^/]+\/$/.test(path) && existing.has(path));
    const category = /^\/chuyen-muc\/([^/]+)\/$/.exec(path)?.[1];
    if (category !== undefined && !categoryIds.has(category)) return `liên kết "${url}" trỏ tới chuyên mục không có`;
    if (!isEntryRoute) return undefined;
    const target = published.get(path);
    if (!target) {
      return existing.has(path) ? `liên kết "${url}" trỏ tới bài chưa xuất bản (bản nháp hoặc hẹn giờ)` : `liên kết "${url}" trỏ tới bài không có`;
    }
    if (anchor && !target.inspection?.headingIds.has(decodeURIComponent(anchor))) return `liên kết "${url}" trỏ tới đề mục "#${anchor}" không có trong bài đó`;
    return undefined;
  }

  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
