import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildResult {
  code: number;
  output: string;
}

/**
 * Runs `astro build` as a user would, with `env` added (CONTENT_DIR, OUT_DIR, CACHE_DIR, TZ, BUILD_NOW).
 * The time zone is UTC unless given: CI machines run in UTC, and dates must not shift there.
 */
export function astroBuild(env: Record<string, string>): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: projectRoot,
      env: { ...process.env, TZ: 'UTC', ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
