/**
 * Starting decap-server, the CMS's local backend, in Git mode: every save is a commit in `repo`, and
 * the editorial workflow works with branches there. Used by `npm run cms` and by the browser tests.
 *
 * decap-server listens on every network interface unless BIND_HOST is set (its source reads PORT,
 * BIND_HOST, MODE and GIT_REPO_DIRECTORY). It has no sign-in: anyone who can reach it can write to
 * the repository, so it is only ever started on the loopback interface.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

export const LOOPBACK = '127.0.0.1';

export interface DecapServerOptions {
  /** The Git repository (working tree) the CMS reads and commits to */
  repo: string;
  port: number;
}

/** The environment that makes decap-server serve `repo` in Git mode on 127.0.0.1:`port`, and nowhere else. */
export function decapServerEnv({ repo, port }: DecapServerOptions): Record<string, string> {
  return { MODE: 'git', GIT_REPO_DIRECTORY: repo, PORT: String(port), BIND_HOST: LOOPBACK, LOG_LEVEL: 'warn' };
}

/** The API address the CMS's `local_backend.url` points at. */
export const decapServerUrl = (port: number) => `http://${LOOPBACK}:${port}/api/v1`;

export interface DecapServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts decap-server and resolves once it answers. The process's own settings come after the
 * caller's environment, so a stray BIND_HOST or a `.env` file cannot widen where it listens.
 */
export async function startDecapServer(options: DecapServerOptions, { quiet = false } = {}): Promise<DecapServer> {
  const entry = createRequire(import.meta.url).resolve('decap-server');
  const child = spawn(process.execPath, [entry], {
    cwd: options.repo,
    env: { ...process.env, ...decapServerEnv(options) },
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'pipe' : 'inherit'],
  });
  let errors = '';
  child.stderr?.on('data', (d) => (errors += d));
  const url = decapServerUrl(options.port);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`decap-server stopped (code ${code}) before it answered on ${url}\n${errors}`))),
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  try {
    await Promise.race([waitForAnswer(url), exited]);
  } catch (error) {
    await stop();
    throw error;
  }
  exited.catch(() => {});
  return { url, process: child, stop };
}

async function waitForAnswer(url: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`decap-server did not answer on ${url} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
