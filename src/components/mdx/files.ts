import { mdxToMdast } from 'satteri';
import { BODY_FEATURES, inspectMdx } from '../../lib/mdx-policy';

/**
 * The documents a body offers for download (`<DocumentDownload file="…">`), once each. A body the
 * parser refuses names none: the content checks report it before the build gets this far.
 * @example documentFiles('<DocumentDownload file="ke-hoach.pdf" title="Kế hoạch" />') // ['ke-hoach.pdf']
 */
export function documentFiles(body: string | undefined): string[] {
  if (!body?.includes('<DocumentDownload')) return [];
  try {
    return [...new Set(inspectMdx(mdxToMdast(body, { features: BODY_FEATURES }) as Parameters<typeof inspectMdx>[0]).files.map((f) => f.url))];
  } catch {
    return [];
  }
}

/**
 * The files an entry's `[slug]/[file].ts` route serves beside its page: those its front matter names
 * (audio, attachments) and the documents its body offers, once each.
 */
export function servedFiles(frontMatterFiles: readonly string[], body: string | undefined): string[] {
  return [...new Set([...frontMatterFiles, ...documentFiles(body)])];
}
