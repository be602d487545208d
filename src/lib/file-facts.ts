import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A fact kept for a file: the file's size and time of modification when it was read, and the fact. */
type KeptFact<T> = [size: number, modified: number, fact: T];

/**
 * What a build reads out of each of many files, kept between builds by each file's size and time of
 * modification. The pages a build leaves in place (kept-output.ts) keep both, so what was read out of
 * them need not be read again; a page written anew has another time, and is read. Kept with the
 * `version` of the code that reads them: under another version nothing kept is taken.
 */
export class FileFacts<T> {
  readonly #file: string;
  readonly #version: string;
  readonly #kept = new Map<string, KeptFact<T>>();
  readonly #next = new Map<string, KeptFact<T>>();

  constructor(file: string, version: string) {
    this.#file = file;
    this.#version = version;
    try {
      const read = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; facts?: Record<string, KeptFact<T>> };
      if (read.version === version && read.facts) for (const [path, fact] of Object.entries(read.facts)) this.#kept.set(path, fact);
    } catch {
      // None kept, or a broken file: every file is read.
    }
  }

  /** What `read` gives for the file at `path`, taken from what was kept if the file is as it was then. */
  of(path: string, read: (bytes: Buffer) => T): T {
    const { size, mtimeMs } = statSync(path);
    const kept = this.#kept.get(path);
    const fact = kept && kept[0] === size && kept[1] === mtimeMs ? kept[2] : read(readFileSync(path));
    this.#next.set(path, [size, mtimeMs, fact]);
    return fact;
  }

  /** Keeps the facts of the files asked about since this was made, in place of the old ones, replaced at once. */
  save(): void {
    mkdirSync(dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: this.#version, facts: Object.fromEntries(this.#next) }));
    renameSync(temporary, this.#file);
  }
}
