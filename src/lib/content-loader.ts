import { readFile } from 'node:fs/promises';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { renderBody, rendererFingerprint } from './body-html.ts';
import { parseFrontmatter, toNfc } from './frontmatter.ts';
import { slugFromEntryPath } from './slugs.ts';

/**
 * Astro's glob loader for MDX entries, with the rules of this site's contract:
 * - the id is the file name (or folder name for `index.mdx`) at any depth;
 * - the front matter is read by `parseFrontmatter`, so dates without an offset mean Asia/Ho_Chi_Minh
 *   and text is NFC;
 * - the body is rendered to HTML here, once per changed file (`renderBody`), where the glob loader
 *   would leave it to Astro's MDX integration to compile into a module per entry. The content store
 *   keeps the HTML and the body's facts (`bodyFacts`) between builds, not the body; they are thrown
 *   away when the rendering code changes.
 */
export function mdxEntries(base: string): Loader {
  const inner = glob({ base, pattern: '**/*.mdx', generateId: ({ entry }) => slugFromEntryPath(entry) });
  return {
    name: 'mdx-entries',
    load: (context) => {
      const renderer = rendererFingerprint();
      if (context.meta.get('renderer') !== renderer) {
        context.store.clear();
        context.meta.set('renderer', renderer);
      }
      return inner.load({
        ...context,
        store: renderingStore(context.store),
        parseData: async (props) =>
          context.parseData({ ...props, data: parseFrontmatter(await readFile(props.filePath!, 'utf8')) as typeof props.data }),
      });
    },
  };
}

/** `renderBody`, naming the file when the body holds what the content checks should have refused. */
function renderFileBody(body: string, filePath = '') {
  try {
    return renderBody(body);
  } catch (error) {
    throw new Error(`${filePath}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The store, with entries the glob loader would defer to the MDX integration rendered instead. The
 * body's source is not kept: Astro writes the whole store into one module that every build compiles
 * (86 MB at 10,000 articles, half of it bodies), and pages need only what the rendering gives
 * (`bodyFacts`).
 */
function renderingStore(store: LoaderContext['store']): LoaderContext['store'] {
  return {
    ...store,
    set: ({ deferredRender, body, ...entry }) => {
      if (!deferredRender) return store.set({ ...entry, body });
      const { html, headings, localImagePaths, words, documents } = renderFileBody(body ?? '', entry.filePath);
      return store.set({
        ...entry,
        rendered: { html, metadata: { headings, localImagePaths, imagePaths: localImagePaths, words, documents } },
        assetImports: localImagePaths,
      });
    },
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
