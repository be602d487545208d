/**
 * The files of a build's routes stay in the output folder for the next build, where Astro's incremental
 * build takes a page it finds there as it is, instead of copying it back from its cache folder: 14,449
 * copies, each with its folder made, took 3 s of a republish at 10,000 articles. Astro takes such a
 * page only when its key and code are those of the build that last wrote its cache; a file is therefore
 * kept only if it is, by size and time of modification, what the last build to end wrote there, as that
 * build recorded (`OutputRecord`, in the cache folder). A kept file that the new build does not write is
 * deleted when it ends (dropUnwritten), so a deleted article's page does not stay published.
 */
import { mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What a build wrote for its routes: each file's size and time of modification, by path below `outDir`. */
export interface OutputRecord {
  outDir: string;
  files: Record<string, [size: number, modified: number]>;
}

/** The record of the files `written` below `outDir`, as they are now. */
export function recordOutput(outDir: string, written: Iterable<string>): OutputRecord {
  const files: OutputRecord['files'] = {};
  for (const file of written) {
    const { size, mtimeMs } = statSync(join(outDir, file));
    files[file] = [size, mtimeMs];
  }
  return { outDir, files };
}

/** Writes `record` to `file`, replacing it at once (a file beside it renamed), so that a build stopped midway leaves none or a whole one. */
export function writeOutputRecord(file: string, record: OutputRecord): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(record));
  renameSync(temporary, file);
}

/**
 * The record in `file` if it is of `outDir`, and removes it: from now until this build records its own
 * files, the output folder is not what it describes.
 */
export function takeOutputRecord(file: string, outDir: string): OutputRecord | undefined {
  let record: OutputRecord | undefined;
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as Partial<OutputRecord>;
    if (read.outDir === outDir && read.files && typeof read.files === 'object') record = read as OutputRecord;
  } catch {
    // No record, or a broken one: nothing is kept.
  }
  rmSync(file, { force: true });
  return record;
}

/** What keepRecorded is given, by a worker thread (src/integrations/keep-worker.ts). */
export interface KeepTask {
  aside: string;
  outDir: string;
  record: OutputRecord;
}

/**
 * Moves back into `outDir` those files of `record` that are in `aside` (where the output folder's
 * contents were moved) as the record says they were written; returns them.
 */
export function keepRecorded(aside: string, outDir: string, record: OutputRecord): string[] {
  const kept: string[] = [];
  const folders = new Set<string>();
  for (const [file, [size, modified]] of Object.entries(record.files)) {
    const from = join(aside, file);
    const to = join(outDir, file);
    try {
      const found = statSync(from);
      if (!found.isFile() || found.size !== size || found.mtimeMs !== modified) continue;
      const folder = dirname(to);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      renameSync(from, to);
      kept.push(file);
    } catch {
      // Gone or unreadable: Astro copies it from its cache folder or renders it again.
    }
  }
  return kept;
}

/**
 * Deletes those `kept` files that the build did not write again (`written`), and the folders that
 * leaves empty below `outDir`; returns how many files it deleted.
 */
export function dropUnwritten(outDir: string, kept: readonly string[], written: ReadonlySet<string>): number {
  let dropped = 0;
  for (const file of kept) {
    if (written.has(file)) continue;
    rmSync(join(outDir, file), { force: true });
    dropped++;
    for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) {
      try {
        rmdirSync(join(outDir, folder));
      } catch {
        break; // Not empty.
      }
    }
  }
  return dropped;
}
