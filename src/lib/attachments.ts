import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const TYPES: Record<string, { label: string; mime: string }> = {
  pdf: { label: 'PDF', mime: 'application/pdf' },
  doc: { label: 'Word', mime: 'application/msword' },
  docx: { label: 'Word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xls: { label: 'Excel', mime: 'application/vnd.ms-excel' },
  xlsx: { label: 'Excel', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  odt: { label: 'ODT', mime: 'application/vnd.oasis.opendocument.text' },
  ods: { label: 'ODS', mime: 'application/vnd.oasis.opendocument.spreadsheet' },
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
