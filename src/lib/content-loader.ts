import { readFile } from 'node:fs/promises';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { parseFrontmatter, toNfc } from './frontmatter.ts';
import { slugFromEntryPath } from './slugs.ts';

/**
 * Astro's glob loader for MDX entries, with two rules of this site's contract:
 * the id is the file name (or folder name for `index.mdx`) at any depth, and the front matter is
 * read by `parseFrontmatter`, so dates without an offset mean Asia/Ho_Chi_Minh and text is NFC.
 */
export function mdxEntries(base: string): Loader {
  const inner = glob({ base, pattern: '**/*.mdx', generateId: ({ entry }) => slugFromEntryPath(entry) });
  return {
    name: 'mdx-entries',
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (props) =>
          context.parseData({ ...props, data: parseFrontmatter(await readFile(props.filePath!, 'utf8')) as typeof props.data }),
      }),
  };
}

/** Astro's glob loader for YAML data files, with every string NFC-normalised. */
export function yamlEntries(base: string, pattern = '*.yaml'): Loader {
  const inner = glob({ base, pattern });
  return {
    name: 'yaml-entries',
    load: (context) =>
      inner.load({
        ...context,
        parseData: (props) => context.parseData({ ...props, data: toNfc(props.data) as typeof props.data }),
      }),
  };
}
