/**
 * Pagefind 1.x's own index files, read and rewritten after Pagefind has written them. Each is gzip of
 * "pagefind_dcd" followed by JSON (a page's fragment) or CBOR (the metadata, the index chunks). Only the
 * CBOR Pagefind writes is handled: integers, text strings and arrays; anything else means a Pagefind
 * whose files this code does not know, and stops the build with a message saying so.
 */
import { promisify } from 'node:util';
import { gzip, gunzipSync, gzipSync } from 'node:zlib';

const PAGEFIND_SIGNATURE = 'pagefind_dcd';

export type Cbor = number | string | Cbor[];

const UNKNOWN_FORM = 'not in the form the Pagefind version this site was written for (1.x) writes';

/** The decompressed content of a Pagefind file after its signature; throws if it has none. */
export function pagefindFileContent(file: Buffer): Buffer {
  const bytes = gunzipSync(file);
  if (bytes.subarray(0, PAGEFIND_SIGNATURE.length).toString('latin1') !== PAGEFIND_SIGNATURE) throw new Error(`Pagefind file ${UNKNOWN_FORM}: no signature`);
  return bytes.subarray(PAGEFIND_SIGNATURE.length);
}

/** Decodes a CBOR Pagefind file; throws on anything but integers, text strings and arrays. */
export function decodePagefindFile(file: Buffer): Cbor {
  const bytes = pagefindFileContent(file);
  let at = 0;
  const argument = (info: number): number => {
    const size = info < 24 ? 0 : info <= 27 ? 2 ** (info - 24) : -1;
    if (size < 0) throw new Error(`Pagefind file ${UNKNOWN_FORM}: CBOR length ${info}`);
    if (size === 0) return info;
    if (at + size > bytes.length) throw new Error(`Pagefind file ${UNKNOWN_FORM}: cut short`);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i];
    at += size;
    if (!Number.isSafeInteger(value)) throw new Error(`Pagefind file ${UNKNOWN_FORM}: CBOR integer too large`);
    return value;
  };
  const item = (): Cbor => {
    if (at >= bytes.length) throw new Error(`Pagefind file ${UNKNOWN_FORM}: cut short`);
    const initial = bytes[at++];
    const major = initial >> 5;
    // unsigned and negative integers, text strings, arrays
    if (![0, 1, 3, 4].includes(major)) throw new Error(`Pagefind file ${UNKNOWN_FORM}: CBOR major type ${major}`);
    const value = argument(initial & 31);
    if (major === 0) return value;
    if (major === 1) return -1 - value;
    if (major === 4) return Array.from({ length: value }, item);
    if (at + value > bytes.length) throw new Error(`Pagefind file ${UNKNOWN_FORM}: cut short`);
    const text = bytes.subarray(at, at + value).toString('utf8');
    at += value;
    return text;
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`Pagefind file ${UNKNOWN_FORM}: ${bytes.length - at} bytes left over`);
  return value;
}

/**
 * Writes CBOR as Pagefind does: definite lengths and the shortest headers, for integers, text strings
 * and arrays, into one growing buffer (an index chunk holds hundreds of thousands of items).
 */
export class CborWriter {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  private room(size: number): void {
    if (this.length + size <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + size));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  /** An item's major type and its argument (a length, or an integer's size). */
  head(major: number, n: number): this {
    this.room(9);
    const size = n < 24 ? 0 : n < 2 ** 8 ? 1 : n < 2 ** 16 ? 2 : n < 2 ** 32 ? 4 : 8;
    this.bytes[this.length++] = (major << 5) | (size === 0 ? n : 24 + Math.log2(size));
    for (let i = size - 1, rest = n; i >= 0; i--, rest = Math.floor(rest / 256)) this.bytes[this.length + i] = rest % 256;
    this.length += size;
    return this;
  }

  integer(n: number): this {
    if (!Number.isSafeInteger(n)) throw new Error(`Pagefind file: ${n} is not an integer`);
    return n >= 0 ? this.head(0, n) : this.head(1, -1 - n);
  }

  text(value: string): this {
    const size = Buffer.byteLength(value);
    this.head(3, size).room(size);
    this.length += this.bytes.write(value, this.length);
    return this;
  }

  /** Bytes that already are CBOR. */
  raw(bytes: Uint8Array): this {
    this.room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  value(v: Cbor): this {
    if (typeof v === 'number') return this.integer(v);
    if (typeof v === 'string') return this.text(v);
    this.head(4, v.length);
    for (const item of v) this.value(item);
    return this;
  }

  /** What was written, in a buffer of its own. */
  result(): Buffer {
    return Buffer.from(this.bytes.subarray(0, this.length));
  }
}

/** Encodes a value as Pagefind's CBOR: definite lengths, the shortest headers. */
export const encodeCbor = (value: Cbor): Buffer => new CborWriter().value(value).result();

const signed = (content: Buffer) => Buffer.concat([Buffer.from(PAGEFIND_SIGNATURE, 'latin1'), content]);

/** A Pagefind file of the given content: the signature and the content, gzipped. */
const pagefindFile = (content: Buffer) => gzipSync(signed(content), { level: 9 });

/** pagefindFile on zlib's threads: at 10,000 pages the index chunks take 17 s to compress on one core. */
export const pagefindFileAsync = (content: Buffer): Promise<Buffer> => promisify(gzip)(signed(content), { level: 9 });

/** Encodes a value as Pagefind writes it: CBOR (encodeCbor) after the signature, gzipped. */
export const encodePagefindFile = (value: Cbor) => pagefindFile(encodeCbor(value));

/**
 * A short id for the page Pagefind numbers `n`, in base 36, least significant digit first: a search
 * downloads the ids of every page in Pagefind's metadata, and Pagefind's own ids (7 hexadecimal digits
 * of a hash) do not compress. Written in this order they compress best: the metadata of 11,000 pages
 * took 27 KB so, 35 KB with the digits the other way round, and 66 KB with Pagefind's ids.
 * @example shortPageId(37) // "11"; shortPageId(36) // "01"
 */
export function shortPageId(n: number): string {
  return n.toString(36).split('').reverse().join('');
}
