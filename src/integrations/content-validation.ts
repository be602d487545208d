import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatProblem, validateContent } from '../lib/validate.ts';
import { buildTime } from '../lib/build-time.ts';

/**
 * Runs `npm run validate`'s checks at the start of `astro build`, before the output folder is touched:
 * a bad entry stops the build with every problem listed, and the last good `dist/` stays as it was.
 */
export function contentValidation(contentRoot: string): AstroIntegration {
  return {
    name: 'content-validation',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        const started = performance.now();
        const problems = validateContent({ root: resolve(fileURLToPath(config.root), contentRoot), now: buildTime });
        if (problems.length > 0) {
          throw new Error(`Nội dung có ${problems.length} lỗi, chưa thể xây dựng trang:\n${problems.map(formatProblem).join('\n')}`);
        }
        logger.info(`nội dung hợp lệ (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
