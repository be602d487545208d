/** Checks and fixes for how Vietnamese text is encoded, independent of what it says. */

export interface TextProblem {
  line: number;
  column: number;
  message: string;
}

/** Icelandic Ð/ð look like Đ/đ and come in through some keyboards and OCR. */
const ETH = /[\u00D0\u00F0]/g;
// Invisible characters that do nothing good in an article: C0/C1 controls (but tab, newline, carriage
// return), zero-width and direction marks (the latter can make text read differently from how it is stored).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every encoding problem of a text, one per line and kind, with 1-based positions. */
export function textProblems(source: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const text = source.startsWith('\uFEFF') ? ` ${source.slice(1)}` : source;
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line !== line.normalize('NFC')) {
      const column = [...line].findIndex((ch) => /\p{M}/u.test(ch)) + 1;
      problems.push({
        line: i + 1,
        column: Math.max(column, 1),
        message: 'chữ có dấu chưa ở dạng Unicode dựng sẵn (NFC), thường do chép từ Word hoặc PDF; chạy "npm run validate -- --fix" để sửa',
      });
    }
    for (const match of line.matchAll(ETH)) {
      const intended = match[0] === '\u00D0' ? 'Đ (U+0110)' : 'đ (U+0111)';
      problems.push({ line: i + 1, column: match.index + 1, message: `chữ "${match[0]}" (${codePoint(match[0])}, chữ Iceland) dùng nhầm cho ${intended}; chạy "npm run validate -- --fix" để sửa` });
    }
    for (const match of line.matchAll(CONTROL)) {
      problems.push({ line: i + 1, column: match.index + 1, message: `ký tự ẩn ${codePoint(match[0])} không được dùng trong bài; hãy xóa nó` });
    }
  });
  return problems;
}

/**
 * Fixes what can be fixed without judgement: NFC, Icelandic eth for đ, zero-width spaces and stray
 * byte-order marks. Other invisible characters are left for a person to look at.
 */
export function fixText(source: string): string {
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  return (
    bom +
    source
      .slice(bom.length)
      .normalize('NFC')
      .replaceAll('\u00D0', '\u0110')
      .replaceAll('\u00F0', '\u0111')
      .replace(/[\u200B\uFEFF]/g, '')
  );
}
