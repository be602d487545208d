// @ts-check
/**
 * The bare reference site of `npm run bench`: Astro with MDX and nothing else, one page per entry of
 * the corpus in CONTENT_DIR, no layout, no images, no listings. Its build time is the floor the real
 * site is compared with. Built from the project root with `astro build --root scripts/bench/bare-site`.
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
  ...(process.env.OUT_DIR ? { outDir: process.env.OUT_DIR } : {}),
  ...(process.env.CACHE_DIR ? { cacheDir: process.env.CACHE_DIR } : {}),
  build: { format: 'directory' },
});
