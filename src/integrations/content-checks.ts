import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { entryPathProblems } from '../lib/entry-paths';

function mdxFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/**
 * Stops `astro build` before any work when entry file names break the content contract (a slug that is
 * not ASCII, two entries with one slug), naming the files. Astro's own loader would only warn and keep
 * one of the two.
 */
export function contentChecks(contentRoot: string): AstroIntegration {
  return {
    name: 'content-checks',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const problems = ['articles', 'notices', 'pages'].flatMap((collection) => {
          const dir = resolve(contentRoot, collection);
          return entryPathProblems(dir, mdxFiles(dir));
        });
        if (problems.length > 0) {
          throw new Error(`Nội dung có lỗi:\n${problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`);
        }
      },
    },
  };
}
