import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

/** Every article and notice of the corpus in CONTENT_DIR, front matter as YAML gives it, no schema. */
const base = resolve(process.env.CONTENT_DIR ?? '../../../content');

export const collections = {
  articles: defineCollection({ loader: glob({ base: `${base}/articles`, pattern: '**/*.mdx' }) }),
  notices: defineCollection({ loader: glob({ base: `${base}/notices`, pattern: '**/*.mdx' }) }),
};
