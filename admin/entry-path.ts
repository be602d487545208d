/**
 * Where a new entry's file goes: `<year>/<slug>/index.mdx` (admin/config.yml, `path` and `slug`).
 *
 * Decap makes slugs with its own rules, which differ from the site's (`Hội nghị_2025` keeps its `_`,
 * `&` vanishes), so the slug is made here with the site's `toSlug` and handed to Decap through data
 * keys that its templates read (`{{_slug}}`, `{{_year}}`); the formats (admin/format.ts) never write them.
 */
import type { Map as ImmutableMap } from 'immutable';
import { parseVietnamDate, vietnamYear } from '../src/lib/dates';
import { toSlug } from '../src/lib/slugs';

/** The data keys that only name the file. */
export const PATH_KEYS = ['_slug', '_year'] as const;

/**
 * The slug from the title (or a category's name), and the year folder from the date as read in
 * Asia/Ho_Chi_Minh (an article at 00:30 on 1 January belongs to the new year). Without a date, this year.
 * @example entryPathData({ title: 'Đảng ủy Khối tổ chức hội nghị', date: '2026-01-01T00:30:00+07:00' }) // { _slug: 'dang-uy-khoi-to-chuc-hoi-nghi', _year: '2026' }
 */
export function entryPathData(data: { title?: unknown; name?: unknown; date?: unknown }, now = new Date()): Record<(typeof PATH_KEYS)[number], string> {
  const label = typeof data.title === 'string' ? data.title : typeof data.name === 'string' ? data.name : '';
  const date = typeof data.date === 'string' ? parseVietnamDate(data.date) : undefined;
  return { _slug: toSlug(label), _year: String(vietnamYear(date ?? now)) };
}

/** Decap's `preSave` event: the entry's data with the path keys set. */
export function addEntryPath({ entry }: { entry: ImmutableMap<string, unknown> }) {
  const data = entry.get('data') as ImmutableMap<string, unknown>;
  return data.merge(entryPathData({ title: data.get('title'), name: data.get('name'), date: data.get('date') }));
}
