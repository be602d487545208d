import { relative } from 'node:path';
import { isSlug, slugFromEntryPath } from './slugs.ts';

export interface EntryPathProblem {
  file: string;
  message: string;
}

/**
 * Checks the file names of one collection's entries: each slug must be ASCII `a-z0-9-`, and no two
 * entries may share a slug, wherever they sit in the folder tree.
 * @param root the collection folder; `files` are paths of `.mdx` files below it.
 */
export function entryPathProblems(root: string, files: readonly string[]): EntryPathProblem[] {
  const problems: EntryPathProblem[] = [];
  const bySlug = new Map<string, string[]>();
  for (const file of files) {
    const slug = slugFromEntryPath(relative(root, file));
    if (!isSlug(slug)) {
      problems.push({
        file,
        message: `tên tệp "${slug}" không dùng được làm đường dẫn: chỉ dùng chữ thường không dấu a-z, chữ số 0-9 và dấu gạch ngang (ví dụ: hoi-nghi-dang-uy-khoi)`,
      });
    }
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), file]);
  }
  for (const [slug, same] of bySlug) {
    if (same.length > 1) {
      for (const file of same) {
        const others = same.filter((f) => f !== file).join(', ');
        problems.push({ file, message: `trùng đường dẫn "${slug}" với ${others}; hãy đổi tên một trong các tệp` });
      }
    }
  }
  return problems;
}
