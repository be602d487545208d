/**
 * An MDX body as HTML, rendered once when the content is loaded. Astro's MDX integration compiles
 * every entry into a JavaScript module and bundles them all: at 10,000 articles that alone takes
 * 4 GB of memory. Bodies here are Markdown plus the site's own components with plain-string props
 * (src/lib/mdx-policy.ts), so they need no JavaScript: Sätteri (the parser Astro's own Markdown uses)
 * parses them, the components become HTML trees (src/lib/body-components.ts), and the HTML goes
 * into Astro's content store like a Markdown entry's.
 */
import { createHash } from 'node:crypto';
import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import type { ElementContent, Properties, Root, RootContent } from 'hast';
import { mdxToHast } from 'satteri';
import { bodyComponents, element } from './body-components.ts';
import { ALLOWED_ELEMENTS, BODY_FEATURES, isDocumentFileName } from './mdx-policy.ts';
import { countWords, type Heading } from './reading.ts';

export interface RenderedBody {
  html: string;
  /** h1–h6 with the ids given to them, as Astro's `render()` returns them */
  headings: Heading[];
  /** Images beside the entry (`./anh.jpg`), for Astro to optimise (see `localImage`) */
  localImagePaths: string[];
  /** The words a reader sees (`countWords`), for the reading time: the content store keeps no body */
  words: number;
  /** The documents the body offers for download (`<DocumentDownload file="…">`), once each, served beside the entry */
  documents: string[];
}

/** What pages need of a body besides its HTML and headings (see `bodyFacts` in content.ts). */
export type BodyFacts = Pick<RenderedBody, 'words' | 'documents'>;

/** Same-site images stay with the page; http(s) images are left as they are. */
const isLocalImage = (src: string) => !URL.canParse(src) && !src.startsWith('/');

type MdxNode = RootContent & {
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: (RootContent | MdxNode)[];
};

const textOf = (node: RootContent): string =>
  node.type === 'text' ? node.value : 'children' in node ? (node.children as RootContent[]).map(textOf).join('') : '';

/** A JSX element's string props; anything else the content policy has already refused. */
function propsOf(node: MdxNode): Record<string, string> {
  const props: Record<string, string> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name && typeof attribute.value === 'string') props[attribute.name] = attribute.value;
  }
  return props;
}

/**
 * Renders an MDX body. Throws on anything the content policy refuses (expressions, imports, unknown
 * tags): the content checks report those to editors first, so reaching one here is a bug.
 * @example renderBody('## Mục tiêu\n\nĐoạn văn.').html // '<h2 id="mục-tiêu">Mục tiêu</h2>\n<p>Đoạn văn.</p>'
 */
export function renderBody(source: string): RenderedBody {
  const tree = mdxToHast(source, { features: BODY_FEATURES, position: false }) as Root;
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const localImagePaths = new Set<string>();
  const imageCount = new Map<string, number>();
  const documents = new Set<string>();

  const convert = (node: MdxNode): ElementContent[] => {
    switch (node.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const children = (node.children ?? []).flatMap(convert);
        const component = bodyComponents[name];
        if (component) {
          const props = propsOf(node);
          if (name === 'DocumentDownload' && isDocumentFileName(props.file ?? '')) documents.add(props.file);
          return [component(props, children)];
        }
        const allowed = ALLOWED_ELEMENTS[name.toLowerCase()];
        if (!allowed) throw new Error(`thẻ <${name}> không được phép trong bài`);
        const props = propsOf(node);
        return [element(name.toLowerCase(), Object.fromEntries(allowed.filter((a) => a in props).map((a) => [a, props[a]])), children)];
      }
      case 'element': {
        node.children = node.children.flatMap((child) => convert(child as MdxNode));
        if (/^h[1-6]$/.test(node.tagName)) {
          const text = textOf(node);
          const slug = slugger.slug(text);
          node.properties = { ...node.properties, id: slug };
          headings.push({ depth: Number(node.tagName[1]), slug, text });
        } else if (node.tagName === 'img') {
          node.properties = imageProperties(node.properties, localImagePaths, imageCount);
        }
        return [node];
      }
      case 'text':
        return [node];
      default:
        throw new Error(`bài có nội dung không được phép (${node.type})`);
    }
  };

  tree.children = tree.children.flatMap((child) => convert(child as MdxNode));
  return { html: toHtml(tree), headings, localImagePaths: [...localImagePaths], words: countWords(source), documents: [...documents] };
}

/**
 * An image beside the entry is marked as Astro marks the images of a Markdown entry (`__ASTRO_IMAGE_`),
 * so that `render()` puts the optimised image's address, size and `srcset` in its place.
 */
function imageProperties(properties: Properties, localImagePaths: Set<string>, imageCount: Map<string, number>): Properties {
  const { src, ...rest } = properties;
  if (typeof src !== 'string' || !isLocalImage(src)) return { ...properties, loading: 'lazy', decoding: 'async' };
  const path = decodeURI(src);
  const index = imageCount.get(path) ?? 0;
  imageCount.set(path, index + 1);
  localImagePaths.add(path);
  return { __ASTRO_IMAGE_: JSON.stringify({ ...rest, src: path, index }) };
}

/**
 * What the rendering gives for a sample that uses every construct and component: entries rendered
 * by an earlier version of this code are rendered again when it changes (see `mdxEntries`).
 */
export function rendererFingerprint(): string {
  const sample = [
    '## Mục "một" -- hai...',
    'Chữ **đậm**, *nghiêng*, [liên kết](https://example.vn), H<sub>2</sub>O, m<sup>2</sup>, <mark>đánh dấu</mark>, <u>gạch</u>, <small>nhỏ</small>, <abbr title="Ban Chấp hành">BCH</abbr>.<br />',
    '<Figure caption="Chú thích">\n![Ảnh](./anh.jpg)\n</Figure>',
    '![Ảnh ngoài](https://example.vn/a.jpg)',
    '<HoChiMinhQuote source="Nguồn">\nLời Bác.\n</HoChiMinhQuote>',
    '<Note title="Lưu ý">\nGhi chú.\n</Note>',
    '<Note>\nGhi chú.\n</Note>',
    '<DocumentDownload file="ke-hoach.pdf" title="Kế hoạch" />',
    '<DocumentDownload file="bao cao.docx" />',
    '<YouTube id="dQw4w9WgXcQ" title="Video" />',
    '> Trích.\n\n- một\n- hai\n\n1. ba\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n~~bỏ~~ `mã`\n\n---',
  ].join('\n\n');
  return createHash('sha256').update(JSON.stringify(renderBody(sample))).digest('hex').slice(0, 16);
}
