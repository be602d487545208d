import slugify from '@sindresorhus/slugify';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An ASCII slug for URLs and ids: NFC first, tone marks removed, đ/Đ → d, lower case.
 * @example toSlug('Đảng ủy Khối tổ chức hội nghị') // 'dang-uy-khoi-to-chuc-hoi-nghi'
 */
export function toSlug(text: string): string {
  // U+00D0 (Icelandic Ð) looks like Đ and is typed by mistake; it means the same letter here.
  return slugify(text.normalize('NFC').replaceAll('\u00D0', 'Đ'), { decamelize: false });
}

/** Whether a string is already a slug: `a-z`, `0-9`, single hyphens between them. */
export function isSlug(text: string): boolean {
  return SLUG.test(text);
}

/**
 * The slug of a content entry from its path below the collection folder: the file name, or the folder
 * name for `index.mdx`, whatever the depth.
 * @example slugFromEntryPath('2025/hoi-nghi/index.mdx') // 'hoi-nghi'
 */
export function slugFromEntryPath(entryPath: string): string {
  const parts = entryPath.replaceAll('\\', '/').split('/').filter(Boolean);
  const file = parts.at(-1) ?? '';
  const stem = file.replace(/\.[^.]+$/, '');
  return stem === 'index' && parts.length > 1 ? parts[parts.length - 2] : stem;
}

/**
 * Orders ids and index terms by their code units, the same on every machine (no locale): for sorts
 * whose output must not change from one build to the next.
 */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
