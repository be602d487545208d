/**
 * Checks all content without a build: file names, front matter against the same schemas the build
 * uses, MDX syntax and the safe-MDX policy, references (categories, internal links, images,
 * attachments) and text encoding. Every problem is reported with its file, line and column.
 *
 * With a cache (the build's), what each entry file says by itself is kept by the digest of its text,
 * so a republish reads through only the files that changed; the checks between files run every time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** A problem found in a file by itself; the file is named when it is reported. */
type FileProblem = Omit<Problem, 'file'>;

/**
 * What the reference checks read of an entry's front matter, as written, even when the schema
 * refuses it: only strings, the only values they act on.
 */
interface EntryReferences {
  category?: string;
  cover?: string;
  audio?: string;
  /** Each attachment's file, in the list's order (null where an item has none) */
  attachments: (string | null)[];
}

/**
 * All that an entry file says by itself, whatever the other files and the time: the same text always
 * gives the same check, so it is kept between builds by the digest of the text (ValidateOptions.cache).
 */
interface EntryFileCheck {
  /** The file's own problems (text, front matter, MDX), in the order they were found */
  problems: FileProblem[];
  references: EntryReferences;
  /**
   * What decides when the entry is published, if its front matter passed the schema: not whether it is,
   * which depends on "now" (a scheduled entry becomes published at a later build).
   */
  publication?: { draft: boolean; /** In milliseconds; pages have none */ date?: number };
  /** What the body links to, shows and offers, if it parsed; heading ids as a list, for JSON */
  inspection?: Omit<MdxInspection, 'problems' | 'headingIds'> & { headingIds: string[] };
}

interface Entry {
  collection: Collection;
  file: string;
  slug: string;
  check: EntryFileCheck;
  published: boolean;
  headingIds: ReadonlySet<string>;
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

/** The values of the front matter that the reference checks read (EntryReferences). */
function referencesOf(raw: Record<string, unknown>): EntryReferences {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const attachments = Array.isArray(raw.attachments) ? (raw.attachments as ({ file?: unknown } | null | undefined)[]) : [];
  return {
    category: text(raw.category),
    cover: text((raw.cover as { src?: unknown } | null | undefined)?.src),
    audio: text(raw.audio),
    attachments: attachments.map((a) => text(a?.file) ?? null),
  };
}

/**
 * Checks an entry file by itself: its text, its front matter against its collection's schema, and its
 * body against the MDX syntax and the safe-MDX policy.
 */
function checkEntrySource(collection: Collection, source: string): EntryFileCheck {
  const check: EntryFileCheck = { problems: [], references: referencesOf({}) };
  const report = (line: number, column: number, message: string) => check.problems.push({ line, column, message });
  for (const p of textProblems(source)) report(p.line, p.column, p.message);

  const block = FRONTMATTER_BLOCK.exec(source);
  if (!block) {
    report(1, 1, 'thiếu phần thông tin đầu bài (front matter) giữa hai dòng ---');
    return check;
  }
  let raw: Record<string, unknown>;
  try {
    raw = parseFrontmatter(source);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    report((mark?.line ?? 0) + 2, (mark?.column ?? 0) + 1, `phần thông tin đầu bài (YAML) sai cú pháp: ${(error as { reason?: string }).reason ?? String(error)}`);
    return check;
  }
  check.references = referencesOf(raw);
  const result = schemas[collection].safeParse(raw);
  if (result.success) {
    const data = result.data as { draft: boolean; date?: Date };
    check.publication = { draft: data.draft, date: data.date?.getTime() };
  } else {
    for (const issue of result.error.issues) report(fieldLine(block[1], issue.path), 1, issue.message);
  }

  // The body, parsed by the same MDX parser the build uses; the front matter is blanked so that
  // positions stay those of the file.
  const body = source.slice(0, block[0].length).replace(/[^\n]/g, '') + source.slice(block[0].length);
  try {
    const { problems, headingIds, ...found } = inspectMdx(mdxToMdast(body, { features: BODY_FEATURES }) as Parameters<typeof inspectMdx>[0]);
    check.inspection = { ...found, headingIds: [...headingIds] };
    for (const p of problems) report(p.line, p.column, p.message);
  } catch (error) {
    const { line, column, text } = parseErrorPosition((error as Error).message);
    report(line, column, `lỗi cú pháp MDX: ${text}. Nếu cần viết dấu <, { hoặc }, hãy viết \\<, \\{, \\}`);
  }
  return check;
}

/** Whether an entry is published at `now`, from what its check kept (EntryFileCheck.publication). */
function isEntryPublished(collection: Collection, publication: EntryFileCheck['publication'], now: Date): boolean {
  if (!publication) return false;
  return collection === 'pages' ? !publication.draft : isPublished({ draft: publication.draft, date: new Date(publication.date!) }, now);
}

/** Where the entry checks are kept between runs, and a digest of the code that makes them. */
export interface ValidationCache {
  /** A JSON file; its folder is made if missing */
  file: string;
  /** Checks kept under another version are not used */
  version: string;
}

/** An entry file's check as kept, with the digest of the text it was made from. */
type KeptCheck = EntryFileCheck & { digest: string };

/** The checks kept by the last run, by path below the content folder; none if the file is missing, unreadable or of another version. */
function readKeptChecks(cache: ValidationCache): Map<string, KeptCheck> {
  try {
    const kept = JSON.parse(readFileSync(cache.file, 'utf8')) as { version?: unknown; entries?: unknown };
    if (kept.version === cache.version && kept.entries && typeof kept.entries === 'object') return new Map(Object.entries(kept.entries as Record<string, KeptCheck>));
  } catch {
    // No cache, or a broken one: every file is checked anew.
  }
  return new Map();
}

/** Replaces the kept checks at once (a file written beside it, then renamed), so a run stopped midway leaves the old file whole. */
function writeKeptChecks(cache: ValidationCache, checks: ReadonlyMap<string, KeptCheck>): void {
  mkdirSync(dirname(cache.file), { recursive: true });
  const temporary = `${cache.file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify({ version: cache.version, entries: Object.fromEntries(checks) }));
    renameSync(temporary, cache.file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export interface ValidateOptions {
  /** The content folder */
  root: string;
  /** "Now", for what counts as published (links to scheduled entries are broken until then) */
  now?: Date;
  /** Paths in messages are relative to this folder */
  cwd?: string;
  /**
   * Keeps each entry file's own checks between runs (EntryFileCheck), so that only the files changed
   * since are read through again; the checks between files are made every time.
   */
  cache?: ValidationCache;
}

export interface ContentValidation {
  problems: Problem[];
  /** How many entry (.mdx) files there are */
  entryFiles: number;
  /** How many of them were checked anew, not taken from the cache */
  checkedFiles: number;
}

/** Every problem in the content, sorted by file, line and column. */
export function validateContent(options: ValidateOptions): Problem[] {
  return validateContentWithStats(options).problems;
}

/** validateContent, saying also how many entry files were checked anew rather than taken from the cache. */
export function validateContentWithStats({ root, now = new Date(), cwd = process.cwd(), cache }: ValidateOptions): ContentValidation {
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
  const kept = cache ? readKeptChecks(cache) : new Map<string, KeptCheck>();
  const checks = new Map<string, KeptCheck>();
  let checkedFiles = 0;
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
    const bytes = readFileSync(file);
    // The path below the content folder names the collection too, which the check depends on.
    const key = relative(resolve(root), file);
    // Without a cache nothing is kept to compare with: no need to hash.
    const digest = cache ? createHash('sha256').update(bytes).digest('base64url') : '';
    let check = kept.get(key);
    if (!check || check.digest !== digest) {
      check = { ...checkEntrySource(collection, bytes.toString('utf8')), digest };
      checkedFiles++;
    }
    checks.set(key, check);
    for (const p of check.problems) report(file, p.line, p.column, p.message);
    return {
      collection,
      file,
      slug: slugFromEntryPath(relative(dir, file)),
      check,
      published: isEntryPublished(collection, check.publication, now),
      headingIds: new Set(check.inspection?.headingIds),
    };
  }

  // References between entries and to files
  const published = new Map<string, Entry>();
  const existing = new Map<string, Entry>();
  for (const entry of entries) {
    existing.set(ROUTE_PREFIX[entry.collection] + entry.slug + '/', entry);
    if (entry.published) published.set(ROUTE_PREFIX[entry.collection] + entry.slug + '/', entry);
  }

  for (const entry of entries) {
    const { references, inspection } = entry.check;
    const here = dirname(entry.file);
    const missingBeside = (file: string | null | undefined) => typeof file === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(file) && !existsSync(resolve(here, file));
    if (entry.collection === 'articles' && references.category && !categoryIds.has(references.category)) {
      report(entry.file, fieldLine(frontmatterOf(entry.file), ['category']), 1, `chuyên mục (category) "${references.category}" không có; các chuyên mục hiện có: ${[...categoryIds].join(', ')}`);
    }
    if (missingBeside(references.cover)) {
      report(entry.file, fieldLine(frontmatterOf(entry.file), ['cover', 'src']), 1, `không tìm thấy ảnh "${references.cover}" cạnh bài`);
    }
    if (missingBeside(references.audio)) {
      report(entry.file, fieldLine(frontmatterOf(entry.file), ['audio']), 1, `không tìm thấy tệp âm thanh "${references.audio}" cạnh bài`);
    }
    references.attachments.forEach((file, i) => {
      if (missingBeside(file)) report(entry.file, fieldLine(frontmatterOf(entry.file), ['attachments', i, 'file']), 1, `không tìm thấy tệp đính kèm "${file}" cạnh bài`);
    });
    for (const document of inspection?.files ?? []) {
      if (missingBeside(document.url)) report(entry.file, document.line, document.column, `không tìm thấy tài liệu "${document.url}" cạnh bài`);
    }
    for (const image of inspection?.images ?? []) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(image.url) || image.url.startsWith('/')) continue;
      if (!existsSync(resolve(here, decodeURIComponent(image.url)))) report(entry.file, image.line, image.column, `không tìm thấy ảnh "${image.url}" cạnh bài`);
    }
    for (const link of inspection?.links ?? []) {
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
      return anchor && !from.headingIds.has(decodeURIComponent(anchor)) ? `liên kết "#${anchor}" không trỏ tới đề mục nào trong bài` : undefined;
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
    if (anchor && !target.headingIds.has(decodeURIComponent(anchor))) return `liên kết "${url}" trỏ tới đề mục "#${anchor}" không có trong bài đó`;
    return undefined;
  }

  // Only the files there are now: a deleted file's check goes. Nothing changed, nothing to write.
  if (cache && (checkedFiles > 0 || checks.size < kept.size)) writeKeptChecks(cache, checks);

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { problems, entryFiles: entries.length, checkedFiles };
}
