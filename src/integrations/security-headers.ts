import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { FileFacts } from '../lib/file-facts.ts';
import { builtHtmlFiles } from '../lib/output-files.ts';
import { adminCsp, headersFile, inlineScriptHashes, nginxSnippet, publicCsp } from '../lib/security-headers.ts';
import { codeVersion } from './search-index.ts';

/**
 * After a build, hashes every inline script of the public pages into the Content-Security-Policy and
 * writes `_headers` and `_nginx-security-headers.conf` beside the site (see docs/deploy.md).
 * `CMS_GIT_HOSTS` (space-separated origins) are allowed for the CMS's API calls.
 */
export function securityHeaders(): AstroIntegration {
  let publicDir = '';
  let scriptsFile = '';
  let version = '';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        scriptsFile = join(fileURLToPath(config.cacheDir), 'inline-script-hashes.json');
        version = codeVersion(fileURLToPath(config.root));
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        // Each page's hashes are kept, so that a page the last build left in place is not read again.
        const scripts = new FileFacts<string[]>(scriptsFile, version);
        const hashes = new Set<string>();
        for (const file of builtHtmlFiles(out, assets, publicDir)) {
          if (file.startsWith('admin/')) continue;
          for (const hash of scripts.of(join(out, file), (html) => inlineScriptHashes(html.toString('utf8')))) hashes.add(hash);
        }
        scripts.save();
        const publicPolicy = publicCsp(hashes);
        const adminPolicy = adminCsp((process.env.CMS_GIT_HOSTS ?? '').split(/\s+/).filter(Boolean));
        writeFileSync(join(out, '_headers'), headersFile(publicPolicy, adminPolicy));
        writeFileSync(join(out, '_nginx-security-headers.conf'), nginxSnippet(publicPolicy, adminPolicy));
        logger.info(`security headers written (${hashes.size} inline script hash${hashes.size === 1 ? '' : 'es'})`);
      },
    },
  };
}
