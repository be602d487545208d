// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { cmsBundle } from './src/integrations/cms-bundle.ts';
import { contentValidation } from './src/integrations/content-validation.ts';
import { fastBuild } from './src/integrations/fast-build.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { contentRoot } from './src/lib/paths.ts';

// fast-build's first part must come before the other integrations, its last part after them (fast-build.ts).
const fast = fastBuild();

export default defineConfig({
  // The public address, for canonical URLs, the feed and the sitemap. Set SITE_URL when building for production.
  site: process.env.SITE_URL ?? 'https://dangbokhoi.example.vn',
  trailingSlash: 'always',
  // Tests and benchmarks build other corpora into output and cache folders of their own.
  ...(process.env.OUT_DIR ? { outDir: process.env.OUT_DIR } : {}),
  ...(process.env.CACHE_DIR ? { cacheDir: process.env.CACHE_DIR } : {}),
  // Astro's default ('jsx') drops the white space between inline elements written on separate lines,
  // which glues Vietnamese syllables together. `false` keeps the markup as written.
  compressHTML: false,
  prerenderConflictBehavior: 'error',
  // A page whose key (src/lib/render-key.ts) and code are those of the previous build is copied from
  // that build's copy in the cache folder rather than rendered again: a republish renders only the
  // pages an edit changes (docs/performance.md).
  experimental: { incrementalBuild: true },
  // Stylesheets stay files so that the Content-Security-Policy needs no 'unsafe-inline' for styles.
  // Four pages at a time: a republish copies most pages back from the cache, and one at a time left the
  // cores waiting for the file system (the phase took 12.1 s at 10,000 articles, 8.5 s at four, no less
  // at sixteen; docs/performance.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // AVIF at sharp's default effort (4) took 0.5 s a picture, most of a first build's time; effort 2 is
  // five times faster for files about 10 % larger, still half the size of WebP (docs/performance.md).
  image: { service: sharpImageService({ avif: { effort: 2 } }) },
  // The sitemap leaves out /admin/ (the CMS): it is for editors, not for search engines.
  integrations: [fast.first, cmsBundle(), contentValidation(contentRoot), mdx(), sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/admin/') }), searchIndex(), securityHeaders(), fast.last],
});
