/**
 * Reads a content folder the way the content contract (docs/content-model.md) describes it, so that
 * tests derive what the built site must show from the files themselves rather than from a list of
 * sample entries.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parseFrontmatter, toNfc } from '../../src/lib/frontmatter';
import { parseVietnamDate } from '../../src/lib/dates';
import { NOTICE_KINDS } from '../../src/lib/schemas';
import { projectRoot } from './astro-build';

export const defaultContentDir = join(projectRoot, 'content');

/** The notice kinds and their labels, as the contract lists them. */
export const NOTICE_KIND_LABELS: Record<string, string> = NOTICE_KINDS;

export type PublishState = 'published' | 'unpublished' | 'uncertain';

export interface Entry {
  collection: 'articles' | 'notices' | 'pages';
  /** Absolute path of the .mdx file */
  file: string;
  /** Path below the content folder, e.g. `articles/2025/hoi-nghi/index.mdx` */
  rel: string;
  slug: string;
  data: Record<string, unknown>;
  /** The raw `date` string (undefined for static pages) */
  dateText?: string;
  date?: Date;
  draft: boolean;
}

export interface Category {
  slug: string;
  name: string;
  description?: string;
}

export interface Settings {
  siteName: string;
  organization: string;
  tagline?: string;
  [key: string]: unknown;
}

export interface SiteContentFiles {
  articles: Entry[];
  notices: Entry[];
  pages: Entry[];
  categories: Category[];
  settings: Settings;
}

function filesBelow(dir: string, suffix: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((f) => f.endsWith(suffix))
      .map((f) => join(dir, f))
      .filter((f) => statSync(f).isFile())
      .sort();
  } catch {
    return [];
  }
}

/** The slug of an entry, by the contract: the file name, or the folder name for `index.mdx`. */
export function entrySlug(file: string): string {
  const parts = file.replaceAll('\\', '/').split('/');
  const stem = parts.at(-1)!.replace(/\.mdx$/, '');
  return stem === 'index' && parts.length > 1 ? parts.at(-2)! : stem;
}

function readEntries(contentDir: string, collection: Entry['collection']): Entry[] {
  return filesBelow(join(contentDir, collection), '.mdx').map((file) => {
    const data = parseFrontmatter(readFileSync(file, 'utf8'));
    const dateText = typeof data.date === 'string' ? data.date : undefined;
    return {
      collection,
      file,
      rel: relative(contentDir, file).replaceAll('\\', '/'),
      slug: entrySlug(relative(join(contentDir, collection), file)),
      data,
      dateText,
      date: dateText ? parseVietnamDate(dateText) : undefined,
      draft: data.draft === true,
    };
  });
}

function readYaml(file: string): Record<string, unknown> {
  return (toNfc(load(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA })) ?? {}) as Record<string, unknown>;
}

export function readSiteContent(contentDir = defaultContentDir): SiteContentFiles {
  const categories = filesBelow(join(contentDir, 'categories'), '.yaml').map((file) => {
    const data = readYaml(file);
    return { slug: basename(file, '.yaml'), name: String(data.name), description: data.description as string | undefined };
  });
  return {
    articles: readEntries(contentDir, 'articles'),
    notices: readEntries(contentDir, 'notices'),
    pages: readEntries(contentDir, 'pages'),
    categories,
    settings: readYaml(join(contentDir, 'settings/site.yaml')) as Settings,
  };
}

/**
 * Whether an entry is on a site built at `builtAt` (the moment the build finished): drafts never are;
 * an entry dated after the build is scheduled. The build read the clock somewhat before `builtAt`, so
 * entries dated within `marginMs` before it are `uncertain` and tests leave them alone.
 */
export function publishState(entry: Pick<Entry, 'draft' | 'date' | 'collection'>, builtAt: Date, marginMs = 15 * 60_000): PublishState {
  if (entry.draft) return 'unpublished';
  if (entry.collection === 'pages') return 'published';
  if (!entry.date) throw new Error('an article or notice without a valid date cannot be built');
  const t = entry.date.getTime();
  if (t > builtAt.getTime()) return 'unpublished';
  if (t > builtAt.getTime() - marginMs) return 'uncertain';
  return 'published';
}

/** Newest first, the slug breaking ties. */
export function byDateDesc(a: Entry, b: Entry): number {
  return b.date!.getTime() - a.date!.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

const VIETNAM_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});

/** The calendar fields of an instant on a clock in Asia/Ho_Chi_Minh, by Intl (independent of src/lib/dates.ts). */
export function intlVietnamParts(date: Date) {
  const parts = Object.fromEntries(VIETNAM_CLOCK.formatToParts(date).map((p) => [p.type, p.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, weekday };
}

const VI_WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Sáu, 16/10/2020 · 03:41" computed with Intl, as an oracle for the site's own formatter. */
export function expectedDateline(date: Date): string {
  const p = intlVietnamParts(date);
  return `${VI_WEEKDAYS[p.weekday]}, ${p.day}/${p.month}/${p.year} · ${p.hour}:${p.minute}`;
}

/** "16/10/2020" computed with Intl. */
export function expectedDate(date: Date): string {
  const p = intlVietnamParts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/**
 * For a date written without an offset or with +07:00, what a reader must see is literally what the
 * editor wrote: the written day and the written time.
 */
export function writtenWallClock(dateText: string): { day: string; time: string } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*(\+07:?00)?$/.exec(dateText.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00'] = m;
  return { day: `${d}/${mo}/${y}`, time: `${h}:${mi}` };
}
