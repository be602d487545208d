/**
 * A worker thread of the search index step: makes the parts it is sent (search-part.ts) one after
 * another. Answers each part with what went wrong in it, if anything.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexPart, type PartTask, type PartWorkerData } from './search-part.ts';

const { outDir, layout } = workerData as PartWorkerData;

parentPort!.on('message', ({ files, dir }: PartTask) => {
  let problems: string[] = [];
  try {
    indexPart(outDir, files, layout, dir);
  } catch (error) {
    problems = [`${dir}: ${(error as Error).stack ?? String(error)}`];
  }
  parentPort!.postMessage(problems);
});
