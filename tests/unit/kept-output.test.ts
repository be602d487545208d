import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFolder } from '../../src/lib/folder-removal';
import { dropUnwritten, keepRecorded, recordOutput, takeOutputRecord, writeOutputRecord } from '../../src/lib/kept-output';

let root: string;
let out: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dbk-kept-output-'));
  out = join(root, 'dist');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), text);
};
const PAGES = ['bai-viet/hoc-tap-va-lam-theo-bac/index.html', 'bai-viet/hoi-nghi-tong-ket/index.html', 'thong-bao/25-tb-duk/index.html', 'index.html'];

describe('the record of what a build wrote', () => {
  it('is taken once, and only for the output folder it describes', () => {
    const file = join(root, 'cache/output-record.json');
    for (const page of PAGES) write(page, `<h1>${page}</h1>`);
    const record = recordOutput(out, PAGES);
    writeOutputRecord(file, record);
    expect(takeOutputRecord(file, join(root, 'dist-khac'))).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    writeOutputRecord(file, record);
    expect(takeOutputRecord(file, out)).toEqual(record);
    expect(takeOutputRecord(file, out)).toBeUndefined();
    writeFileSync(file, '{"outDir": ');
    expect(takeOutputRecord(file, out)).toBeUndefined();
  });
});

describe('keeping the last build’s route files', () => {
  it('moves back only the files as the last build wrote them, and the new build deletes those it does not write', async () => {
    for (const page of PAGES) write(page, `<h1>${page}</h1>`);
    write('_astro/cms.abc.js', 'CMS');
    const record = recordOutput(out, PAGES);
    // After that build: one page edited by hand, one touched, one gone.
    write(PAGES[1], '<h1>Sửa tay</h1>');
    utimesSync(join(out, PAGES[2]), new Date(2026, 0, 1), new Date(2026, 0, 1));
    rmSync(join(out, PAGES[3]));

    let kept: string[] = [];
    const deleted = emptyFolder(out, new Set(), (aside) => {
      kept = keepRecorded(aside, out, record);
    });
    expect(kept).toEqual([PAGES[0]]);
    expect(readFileSync(join(out, PAGES[0]), 'utf8')).toBe(`<h1>${PAGES[0]}</h1>`);
    expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).sort()).toEqual(['bai-viet', 'bai-viet/hoc-tap-va-lam-theo-bac', PAGES[0]]);
    expect(await deleted).toEqual([]);

    // The new build no longer has that article: its file and the folders it leaves empty go.
    write('index.html', '<h1>Trang chủ</h1>');
    expect(dropUnwritten(out, kept, new Set(['index.html']))).toBe(1);
    expect(readdirSync(out)).toEqual(['index.html']);
  });

  it('leaves a kept file the build writes, and a folder that still holds something', () => {
    for (const page of PAGES.slice(0, 2)) write(page, 'x');
    expect(dropUnwritten(out, PAGES.slice(0, 2), new Set([PAGES[1]]))).toBe(1);
    expect(readdirSync(join(out, 'bai-viet'))).toEqual(['hoi-nghi-tong-ket']);
  });
});
