import type { Worker } from 'node:worker_threads';

/**
 * Sends `message` to `worker` and waits for its next answer. Rejects if the worker fails, or ends
 * before it answers: a worker that crashed must fail the build, not leave it waiting for ever.
 */
export function workerAnswer<T>(worker: Worker, message: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const answered = (answer: T) => settle(() => resolve(answer));
    const failed = (error: Error) => settle(() => reject(error));
    const ended = (code: number) => settle(() => reject(new Error(`The worker ended (exit code ${code}) before it answered`)));
    const settle = (then: () => void) => {
      worker.off('message', answered).off('error', failed).off('exit', ended);
      then();
    };
    worker.on('message', answered).on('error', failed).on('exit', ended);
    worker.postMessage(message);
  });
}
