import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { decodePagefindFile, encodePagefindFile, pagefindFileContent, shortPageId } from '../../src/lib/pagefind-files';

const pagefindFile = (hex: string, signature = 'pagefind_dcd') => gzipSync(Buffer.concat([Buffer.from(signature), Buffer.from(hex.replace(/\s/g, ''), 'hex')]));

// ["1.6.0", [["vi_77caf69", 256, ""]], [-25, 323, 70000], "ủy"], written out by hand: a header for each
// size of argument (in the initial byte, 1, 2 and 4 bytes after it) and a negative number.
const SAMPLE = `84 65 312e362e30
  81 83 6a 76695f37376361663639 190100 60
  83 3818 190143 1a00011170
  64 e1bba779`;

describe('decodePagefindFile / encodePagefindFile', () => {
  it('read CBOR as Pagefind writes it, and write it back byte for byte', () => {
    const value = decodePagefindFile(pagefindFile(SAMPLE));
    expect(value).toEqual(['1.6.0', [['vi_77caf69', 256, '']], [-25, 323, 70000], 'ủy']);
    expect(pagefindFileContent(encodePagefindFile(value)).toString('hex')).toBe(SAMPLE.replace(/\s/g, ''));
  });

  it('refuse what Pagefind 1.x does not write, rather than rewrite it wrongly', () => {
    expect(() => decodePagefindFile(pagefindFile(SAMPLE, 'pagefind_xyz'))).toThrow(/no signature/);
    expect(() => decodePagefindFile(pagefindFile('a1 6161 01'))).toThrow(/major type 5/); // a map
    expect(() => decodePagefindFile(pagefindFile('fb 3ff8000000000000'))).toThrow(/major type 7/); // a float
    expect(() => decodePagefindFile(pagefindFile('9f 01 ff'))).toThrow(/CBOR length 31/); // indefinite length
    expect(() => decodePagefindFile(pagefindFile('82 01'))).toThrow(/cut short/);
    expect(() => decodePagefindFile(pagefindFile('01 02'))).toThrow(/left over/);
  });
});

describe('shortPageId', () => {
  it('gives every page number its own short name of digits and lower-case letters', () => {
    const ids = Array.from({ length: 60_000 }, (_, n) => shortPageId(n));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-z]{1,4}$/.test(id))).toBe(true);
    expect([shortPageId(0), shortPageId(35), shortPageId(36), shortPageId(37)]).toEqual(['0', 'z', '01', '11']);
  });
});
