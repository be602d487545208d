import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A digest (base64url) of `seed` and of the files at `paths` under `root`, each by its path and its
 * content, a missing file counting as empty: what a cache keyed by it was made from.
 */
export function filesDigest(root: string, paths: readonly string[], seed: string): string {
  const hash = createHash('sha256').update(seed);
  for (const file of paths) {
    const path = join(root, file);
    hash.update('\0').update(file).update('\0').update(existsSync(path) ? readFileSync(path) : '');
  }
  return hash.digest('base64url');
}
