import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The prefix of the folders `folder`'s contents are moved into to be deleted, beside it. */
const removalPrefix = (folder: string) => `.${basename(folder)}-removing-`;

/**
 * Empties `folder` at once, but for the names in `keep`, and deletes what it held in the background:
 * everything is moved (renamed, which takes no time) into a new folder beside it, which `rm -rf`
 * deletes. Node's `rmSync`, which Astro empties its output folder with, took 7–15 s over a
 * 10,000-article site's 28,635 files before the build could go on, `rm -rf` 2.5–10 s. Such folders
 * left by a build that stopped before its deletion ended are deleted too. Where the contents cannot be
 * moved (another disk, a folder that cannot be written beside it), they are deleted in place first.
 *
 * `takeBack`, if given, is called with the folder the contents were moved into, to move some of them
 * back (src/lib/kept-output.ts); their deletion starts when what it returns has settled.
 *
 * Returns when the deletion has ended, with the folders it could not delete (none of the build's
 * output is in them; the next call tries again).
 */
export async function emptyFolder(folder: string, keep: ReadonlySet<string> = new Set(), takeBack?: (aside: string) => Promise<unknown> | void): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const parent = dirname(folder);
  const prefix = removalPrefix(folder);
  const leftovers = readdirSync(parent)
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(parent, name));
  const names = readdirSync(folder).filter((name) => !keep.has(name));
  const removal = join(parent, `${prefix}${process.pid}-${Date.now()}`);
  try {
    mkdirSync(removal);
    for (const name of names) renameSync(join(folder, name), join(removal, name));
  } catch {
    for (const name of readdirSync(folder)) if (!keep.has(name)) rmSync(join(folder, name), { recursive: true, force: true });
  }
  if (takeBack && existsSync(removal)) await Promise.allSettled([takeBack(removal)]);
  return removeFolders([removal, ...leftovers]);
}

/** Deletes those of `candidates` that exist with `rm -rf`, or with Node's `rm` where there is no `rm` command; returns those left. */
async function removeFolders(candidates: string[]): Promise<string[]> {
  const folders = candidates.filter((folder) => existsSync(folder));
  if (folders.length > 0) {
    await new Promise<void>((done) => {
      const child = spawn('rm', ['-rf', '--', ...folders], { stdio: 'ignore' });
      child.on('error', () => Promise.allSettled(folders.map((folder) => rm(folder, { recursive: true, force: true }))).then(() => done()));
      child.on('close', () => done());
    });
  }
  return folders.filter((folder) => existsSync(folder));
}
