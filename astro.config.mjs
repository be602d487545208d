// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentChecks } from './src/integrations/content-checks.ts';
import { contentRoot } from './src/lib/paths.ts';

export default defineConfig({
  // The public address, for canonical URLs, the feed and the sitemap. Set SITE_URL when building for production.
  site: process.env.SITE_URL ?? 'https://dangbokhoi.example.vn',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Tests and benchmarks build other corpora side by side without sharing output or caches.
  ...(process.env.OUT_DIR ? { outDir: process.env.OUT_DIR } : {}),
  ...(process.env.CACHE_DIR ? { cacheDir: process.env.CACHE_DIR } : {}),
  // Astro's default ('jsx') drops the white space between inline elements written on separate lines,
  // which glues Vietnamese syllables together. `false` keeps the markup as written.
  compressHTML: false,
  prerenderConflictBehavior: 'error',
  integrations: [contentChecks(contentRoot), mdx(), sitemap()],
});
