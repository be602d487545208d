/**
 * What an MDX body may contain. MDX is code: an import, an expression or a script runs at build time or
 * in readers' browsers, so bodies are held to Markdown plus an allow-list of the site's own components.
 */
import GithubSlugger from 'github-slugger';
import { isSafeUrl } from './safe-url.ts';
import { ATTACHMENT_EXTENSIONS } from './schemas.ts';

/**
 * The site's components that content may use (src/lib/body-components.ts, offered to editors by the CMS as
 * editor components in admin/components/), with the props each accepts. Props are plain strings.
 */
export const ALLOWED_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  Figure: ['caption'],
  HoChiMinhQuote: ['source'],
  Note: ['title'],
  DocumentDownload: ['file', 'title'],
  YouTube: ['id', 'title'],
};

/**
 * How bodies are parsed, when rendered (src/lib/body-html.ts) and when checked (so that heading ids agree): GFM, and
 * typographic quotes, dashes and ellipses as Astro's Markdown gives them.
 */
export const BODY_FEATURES = { smartPunctuation: true } as const;

/** A YouTube video id: 11 letters, digits, `-` or `_` (it becomes part of the player's URL). */
export function isYouTubeId(id: string): boolean {
  return /^[A-Za-z0-9_-]{11}$/.test(id);
}

/** A document beside the entry: a bare file name (no folder) of a type readers can download. */
export function isDocumentFileName(file: string): boolean {
  return !/[\\/]/.test(file) && !file.startsWith('.') && ATTACHMENT_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(`.${ext}`));
}

interface PropRule {
  required?: boolean;
  valid?: (value: string) => boolean;
  /** What a valid value looks like, for the message */
  expected?: string;
  /** The value names a file beside the entry that the site serves (collected in `files`) */
  servedFile?: boolean;
}

/** Props that a component cannot do without, or whose value must have a given form. */
const PROP_RULES: Readonly<Record<string, Readonly<Record<string, PropRule>>>> = {
  DocumentDownload: {
    file: { required: true, servedFile: true, valid: isDocumentFileName, expected: 'tên một tệp tài liệu (PDF, Word, Excel, ODT, ODS) nằm cạnh bài, ví dụ ke-hoach.pdf' },
  },
  YouTube: {
    id: { required: true, valid: isYouTubeId, expected: 'mã video YouTube gồm 11 ký tự, ví dụ dQw4w9WgXcQ' },
    title: { required: true },
  },
};

/** Plain HTML elements with no Markdown equivalent, and the attributes they may carry. */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  br: [],
  sup: [],
  sub: [],
  mark: [],
  u: [],
  small: [],
  abbr: ['title'],
};


const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'file']);

export interface Located {
  line: number;
  column: number;
}

export interface MdxInspection {
  problems: (Located & { message: string })[];
  links: (Located & { url: string })[];
  images: (Located & { url: string })[];
  /** Documents the body offers for download (`<DocumentDownload file>`), to be served beside the entry */
  files: (Located & { url: string })[];
  /** Heading ids as the site renders them (github-slugger over the heading text). */
  headingIds: Set<string>;
}

interface Node {
  type: string;
  position?: { start: { line: number; column: number } };
  children?: Node[];
  name?: string | null;
  value?: unknown;
  url?: string;
  alt?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

const textOf = (node: Node): string =>
  typeof node.value === 'string' && node.type !== 'mdxTextExpression' ? node.value : (node.children ?? []).map(textOf).join('');

/** Walks an MDX syntax tree (mdast with MDX nodes) and reports everything the policy refuses. */
export function inspectMdx(tree: Node, components = ALLOWED_COMPONENTS): MdxInspection {
  const result: MdxInspection = { problems: [], links: [], images: [], files: [], headingIds: new Set() };
  const slugger = new GithubSlugger();
  const at = (node: Node): Located => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const refuse = (node: Node, message: string) => result.problems.push({ ...at(node), message });

  const visit = (node: Node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        refuse(node, 'không được dùng import/export trong bài; hãy xóa dòng này (các thành phần của trang có sẵn, không cần import)');
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        refuse(node, `không được dùng biểu thức JavaScript {${String(node.value).slice(0, 40)}}; nếu cần dấu ngoặc nhọn, hãy viết \\{ và \\}`);
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node);
        break;
      case 'heading':
        result.headingIds.add(slugger.slug(textOf(node)));
        break;
      case 'link':
      case 'definition':
        if (!isSafeUrl(node.url ?? '')) refuse(node, `liên kết "${node.url}" không an toàn: chỉ dùng http(s), mailto, tel hoặc đường dẫn trong trang`);
        else result.links.push({ ...at(node), url: node.url ?? '' });
        break;
      case 'image':
        if (!isSafeUrl(node.url ?? '')) refuse(node, `ảnh "${node.url}" không an toàn: chỉ dùng tệp ảnh cạnh bài hoặc địa chỉ http(s)`);
        else result.images.push({ ...at(node), url: node.url ?? '' });
        if (!node.alt?.trim()) refuse(node, `ảnh "${node.url}" thiếu mô tả (alt): viết ![mô tả ảnh](${node.url})`);
        break;
      case 'html':
        refuse(node, 'không được chèn mã HTML trực tiếp');
        return;
    }
    node.children?.forEach(visit);
  };

  const checkElement = (node: Node) => {
    const name = node.name ?? '';
    const allowed = name in components ? components[name] : ALLOWED_ELEMENTS[name.toLowerCase()];
    if (!name) {
      refuse(node, 'không được dùng thẻ rỗng <>…</>');
      return;
    }
    if (allowed === undefined) {
      const known = Object.keys(components);
      refuse(node, `thẻ <${name}> không được phép trong bài${known.length ? `; các thành phần được dùng: ${known.join(', ')}` : ''}`);
      return;
    }
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute') {
        refuse(node, `thẻ <${name}> không được dùng thuộc tính dạng {...}`);
        continue;
      }
      const attr = attribute.name ?? '';
      if (/^on/i.test(attr)) refuse(node, `thẻ <${name}> không được có thuộc tính sự kiện ${attr} (mã JavaScript)`);
      else if (!allowed.includes(attr)) refuse(node, `thẻ <${name}> không nhận thuộc tính "${attr}"${allowed.length ? `; chỉ nhận: ${allowed.join(', ')}` : ''}`);
      else if (attribute.value !== null && typeof attribute.value === 'object') refuse(node, `thuộc tính ${attr} của <${name}> phải là chữ trong dấu nháy, không phải biểu thức {…}`);
      else if (URL_ATTRIBUTES.has(attr) && typeof attribute.value === 'string' && !isSafeUrl(attribute.value)) {
        refuse(node, `thuộc tính ${attr}="${attribute.value}" của <${name}> không an toàn`);
      }
    }
    for (const [attr, rule] of Object.entries(PROP_RULES[name] ?? {})) {
      const value = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === attr)?.value;
      if (value !== null && typeof value === 'object') continue; // an expression, refused above
      if (typeof value !== 'string' || value.trim() === '') {
        if (rule.required) refuse(node, `thẻ <${name}> cần thuộc tính ${attr}${rule.expected ? ` (${rule.expected})` : ''}`);
      } else if (rule.valid && !rule.valid(value)) {
        refuse(node, `thuộc tính ${attr}="${value}" của <${name}> không hợp lệ: cần ${rule.expected}`);
      } else if (rule.servedFile) {
        result.files.push({ ...at(node), url: value });
      }
    }
  };

  visit(tree);
  return result;
}
