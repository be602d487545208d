import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, projectRoot } from './astro-build';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export const siteDir = join(projectRoot, '.cache/test-site');
let built: Promise<void> | undefined;

/** Builds the sample site once per test run, in UTC, for the build and browser tests. */
function buildOnce(): Promise<void> {
  built ??= (async () => {
    await rm(siteDir, { recursive: true, force: true });
    const result = await astroBuild({ OUT_DIR: siteDir, CACHE_DIR: join(projectRoot, '.cache/test-astro-cache') });
    if (result.code !== 0) throw new Error(`astro build of the sample site failed:\n${result.output}`);
  })();
  return built;
}

export default async function setup(project: TestProject) {
  await buildOnce();
  project.provide('siteDir', siteDir);
}
