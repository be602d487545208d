/**
 * A worker thread of the search index step: indexes the parts it is sent (search-part.ts) one after
 * another, each with a Pagefind process of its own (Pagefind's module, loaded again in each thread,
 * runs one process per thread). Answers each part with what went wrong in it, if anything.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexPart, type PartTask, type PartWorkerData } from './search-part.ts';

const { outDir, layout } = workerData as PartWorkerData;

parentPort!.on('message', async ({ files, dir }: PartTask) => {
  let problems: string[];
  try {
    problems = await indexPart(outDir, files, layout, dir);
  } catch (error) {
    problems = [`${dir}: ${(error as Error).stack ?? String(error)}`];
  }
  parentPort!.postMessage(problems);
});
