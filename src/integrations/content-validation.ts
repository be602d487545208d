import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatProblem, validateContentWithStats } from '../lib/validate.ts';
import { buildTime } from '../lib/build-time.ts';
import { codeVersion } from './search-index.ts';

/**
 * Runs `npm run validate`'s checks at the start of `astro build`, before the output folder is touched:
 * a bad entry stops the build with every problem listed, and the last good `dist/` stays as it was.
 * Each entry file's own checks are kept in Astro's cache folder, so a republish checks again only the
 * files that changed (src/lib/validate.ts).
 */
export function contentValidation(contentRoot: string): AstroIntegration {
  return {
    name: 'content-validation',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        const started = performance.now();
        const projectRoot = fileURLToPath(config.root);
        const { problems, entryFiles, checkedFiles } = validateContentWithStats({
          root: resolve(projectRoot, contentRoot),
          now: buildTime,
          cache: { file: join(fileURLToPath(config.cacheDir), 'content-checks.json'), version: codeVersion(projectRoot) },
        });
        if (problems.length > 0) {
          throw new Error(`Nội dung có ${problems.length} lỗi, chưa thể xây dựng trang:\n${problems.map(formatProblem).join('\n')}`);
        }
        const count = (n: number) => n.toLocaleString('vi-VN');
        logger.info(`nội dung hợp lệ (${Math.round(performance.now() - started)} ms; kiểm tra lại ${count(checkedFiles)} trong ${count(entryFiles)} tệp .mdx)`);
      },
    },
  };
}
