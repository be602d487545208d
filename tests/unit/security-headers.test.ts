import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminCsp, headersFile, inlineScriptHashes, nginxSnippet, publicCsp } from '../../src/lib/security-headers';
import { headersFor } from '../support/static-server';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes the inline scripts that run, not external ones or data blocks', () => {
    const html = `<head><script>document.documentElement.dataset.c='1'</script>
      <script type="module" src="/_astro/a.js"></script>
      <script type="application/ld+json">{"@type":"NewsArticle"}</script>
      <script type="module">import '/x.js'</script></head>`;
    expect(inlineScriptHashes(html)).toEqual([sha("document.documentElement.dataset.c='1'"), sha("import '/x.js'")]);
  });
});

describe('policies', () => {
  it('keeps public pages strict', () => {
    const policy = publicCsp([sha('a'), sha('a')]);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha('a')};`);
    expect(policy).not.toMatch(/'unsafe-(inline|eval)'/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("style-src 'self';");
  });

  it('lets the CMS run but keeps it from being framed', () => {
    const policy = adminCsp(['https://gitlab.example.vn']);
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).toContain('connect-src \'self\' http://127.0.0.1:8081 https://gitlab.example.vn');
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('writes a _headers file whose admin rule replaces the public policy', () => {
    const file = headersFile('PUBLIC', 'ADMIN');
    expect(headersFor(file, '/bai-viet/a/')['Content-Security-Policy']).toBe('PUBLIC');
    expect(headersFor(file, '/admin/')['Content-Security-Policy']).toBe('ADMIN');
    expect(headersFor(file, '/admin/')['X-Content-Type-Options']).toBe('nosniff');
  });

  it('writes an nginx snippet that repeats the common headers for /admin/', () => {
    const conf = nginxSnippet('PUBLIC', 'ADMIN');
    const admin = conf.slice(conf.indexOf('location /admin/'));
    expect(admin).toContain('Content-Security-Policy "ADMIN"');
    expect(admin).toContain('X-Content-Type-Options');
    expect(conf.slice(0, conf.indexOf('location /admin/'))).toContain('Content-Security-Policy "PUBLIC"');
  });
});
