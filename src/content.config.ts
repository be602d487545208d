import { defineCollection, reference } from 'astro:content';
import { mdxEntries, yamlEntries } from './lib/content-loader';
import { articleSchema, categorySchema, noticeSchema, pageSchema, settingsSchema } from './lib/schemas';
import { contentRoot } from './lib/paths';

export const collections = {
  articles: defineCollection({
    loader: mdxEntries(`${contentRoot}/articles`),
    schema: ({ image }) => articleSchema(image, reference('categories')),
  }),
  notices: defineCollection({ loader: mdxEntries(`${contentRoot}/notices`), schema: noticeSchema }),
  pages: defineCollection({ loader: mdxEntries(`${contentRoot}/pages`), schema: pageSchema }),
  categories: defineCollection({ loader: yamlEntries(`${contentRoot}/categories`), schema: categorySchema }),
  settings: defineCollection({ loader: yamlEntries(`${contentRoot}/settings`, 'site.yaml'), schema: settingsSchema }),
};
