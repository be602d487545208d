/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page returned by
 * `getStaticPaths` with a `cacheKey` is copied from the previous build, not rendered again, when its key
 * and the code it is built from are unchanged. A key must therefore change whenever anything the page
 * shows changes, or the site would publish stale pages: it is a hash of everything the page is rendered
 * from. Content entries count whole (front matter, body, rendered HTML), by a fingerprint computed once
 * per entry; a value the hash cannot see (a function, a symbol) is refused rather than left out.
 */
import { createHash } from 'node:crypto';

/** A content entry as Astro's collections give it. */
interface Entry {
  collection: string;
  id: string;
  data: unknown;
}

const isEntry = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && typeof (value as Entry).collection === 'string' && typeof (value as Entry).id === 'string' && 'data' in value;

const fingerprints = new WeakMap<object, string>();

/** The hash of an entry's whole content, once per entry object: an entry is in the keys of many pages. */
function fingerprint(entry: Entry): string {
  let hash = fingerprints.get(entry);
  if (hash === undefined) fingerprints.set(entry, (hash = digest({ ...entry })));
  return hash;
}

/**
 * Whether a value is an image's metadata as Astro gives it. Astro copies an image's original file into
 * the output as soon as a property of its metadata is read (the metadata is a Proxy that records it),
 * save `clone`, a plain copy; `in` reads none.
 */
const isImageMetadata = (value: object) => 'src' in value && 'width' in value && 'height' in value && 'format' in value;

/** JSON that drops nothing silently: Maps and Sets as arrays, entries (below the top) by fingerprint. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key, item: unknown) {
    if (typeof item === 'object' && item !== null && isImageMetadata(item)) return (item as { clone?: object }).clone ?? item;
    if (key !== '' && isEntry(item)) return `entry:${fingerprint(item)}`;
    if (item instanceof Map) return ['Map', [...item]];
    if (item instanceof Set) return ['Set', [...item]];
    if (typeof item === 'function' || typeof item === 'symbol' || typeof item === 'bigint') {
      throw new TypeError(`A page's key cannot hold ${typeof item} (at "${key}"): give the page data, not ${typeof item}s`);
    }
    return item;
  });
}

const digest = (value: unknown) => createHash('sha256').update(stableJson(value)).digest('base64url');

/**
 * The key of a page rendered from `inputs`: equal keys mean equal inputs.
 * @example renderKey(siteWide, { article, related }) // 'q3V…'
 */
export function renderKey(...inputs: unknown[]): string {
  return digest(inputs);
}
