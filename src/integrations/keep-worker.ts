/**
 * A worker thread of fast-build: moves back into the output folder the last build's route files that
 * are as it recorded them (src/lib/kept-output.ts), while the main thread goes on with the bundling.
 * Answers with the files it moved.
 */
import { parentPort } from 'node:worker_threads';
import { keepRecorded, type KeepTask } from '../lib/kept-output.ts';

parentPort!.on('message', ({ aside, outDir, record }: KeepTask) => {
  parentPort!.postMessage(keepRecorded(aside, outDir, record));
});
