import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { APIRoute } from 'astro';

const TYPES: Record<string, { label: string; mime: string }> = {
  pdf: { label: 'PDF', mime: 'application/pdf' },
  doc: { label: 'Word', mime: 'application/msword' },
  docx: { label: 'Word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xls: { label: 'Excel', mime: 'application/vnd.ms-excel' },
  xlsx: { label: 'Excel', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  odt: { label: 'ODT', mime: 'application/vnd.oasis.opendocument.text' },
  ods: { label: 'ODS', mime: 'application/vnd.oasis.opendocument.spreadsheet' },
  mp3: { label: 'MP3', mime: 'audio/mpeg' },
  m4a: { label: 'M4A', mime: 'audio/mp4' },
  ogg: { label: 'OGG', mime: 'audio/ogg' },
  opus: { label: 'Opus', mime: 'audio/ogg' },
  wav: { label: 'WAV', mime: 'audio/wav' },
};

/**
 * A file size as Vietnamese readers write it: decimal comma, one decimal below 10.
 * @example formatFileSize(1_258_291) // '1,2 MB'
 */
export function formatFileSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = unit === 0 || value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace('.', ',').replace(/,0$/, '');
  return `${rounded} ${units[unit]}`;
}

export interface AttachmentInfo {
  /** Absolute path on disk */
  path: string;
  /** The file name, as served below the notice's URL */
  name: string;
  size: number;
  typeLabel: string;
  mime: string;
}

/**
 * Describes an attachment that lies beside its entry. Throws, naming the entry, when the file is not
 * there, so a notice never links to a missing download.
 */
export function attachmentInfo(entryFilePath: string, file: string): AttachmentInfo {
  const path = resolve(dirname(entryFilePath), file);
  const name = path.split(/[\\/]/).pop()!;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error(`${entryFilePath}: không tìm thấy tệp đính kèm "${file}" bên cạnh bài (cần tệp ${path})`);
  }
  const type = TYPES[name.split('.').pop()!.toLowerCase()] ?? { label: 'Tệp', mime: 'application/octet-stream' };
  return { path, name, size, typeLabel: type.label, mime: type.mime };
}

/**
 * The static paths of an endpoint that serves the files lying beside entries (a notice's attachments,
 * an article's audio) at `<entry page>/<file name>`, one per entry and file: `[slug]/[file].ts`.
 * @param filesOf the files an entry names in its front matter
 */
export function entryFilePaths<E extends { id: string; filePath?: string }>(entries: readonly E[], filesOf: (entry: E) => readonly string[]) {
  return entries.flatMap((entry) =>
    filesOf(entry).map((file) => {
      const info = attachmentInfo(entry.filePath!, file);
      return { params: { slug: entry.id, file: info.name }, props: { info } };
    }),
  );
}

/**
 * The files an entry's `[slug]/[file].ts` route serves beside its page: those its front matter names
 * (audio, attachments) and the documents its body offers (`bodyFacts`), once each: two routes for one
 * file would stop the build.
 */
export function servedFiles(frontMatterFiles: readonly string[], documents: readonly string[]): string[] {
  return [...new Set([...frontMatterFiles, ...documents])];
}

/** The endpoint for `entryFilePaths`: the file as it is, with its type. */
export const serveEntryFile: APIRoute = async ({ props }) => {
  const { info } = props as { info: AttachmentInfo };
  return new Response(await readFile(info.path), { headers: { 'Content-Type': info.mime } });
};

/**
 * Where a file beside an entry is served, for links and players.
 * @example entryFileHref('/thong-bao/giay-moi/', 'giấy mời.pdf') // '/thong-bao/giay-moi/gi%E1%BA%A5y%20m%E1%BB%9Di.pdf'
 */
export function entryFileHref(pagePath: string, info: Pick<AttachmentInfo, 'name'>): string {
  return `${pagePath}${encodeURIComponent(info.name)}`;
}
