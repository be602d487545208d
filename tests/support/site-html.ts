/**
 * Reading a built site from disk: its files, their URLs, parsed HTML, and a link checker.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement, NodeType, type Node } from 'node-html-parser';

/** Every file below `dir`, as absolute paths, sorted. */
export function siteFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** The URL path a file is served at: `bai-viet/x/index.html` → `/bai-viet/x/`. */
export function urlPathOf(siteDir: string, file: string): string {
  const rel = relative(siteDir, file).split(sep).join('/');
  return rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

/**
 * The file a path is served from, as a plain static server does (a directory means its index.html),
 * or undefined when there is none.
 */
export function fileForPath(siteDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = join(siteDir, decoded);
  if (!file.startsWith(siteDir)) return undefined;
  if (!existsSync(file)) return undefined;
  if (statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return file;
}

/** The page file of a site path such as `/bai-viet/x/`. */
export function pageFile(siteDir: string, pathname: string): string {
  return join(siteDir, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
}

const parsedCache = new Map<string, HTMLElement>();

export function parseHtml(html: string): HTMLElement {
  return parse(html, { comment: false, blockTextElements: { script: true, style: true, pre: true, noscript: true } });
}

/** Parses a built HTML file (cached per path and content). */
export function readHtml(file: string): { html: string; doc: HTMLElement } {
  const html = readFileSync(file, 'utf8');
  const key = `${file}\0${html.length}`;
  let doc = parsedCache.get(key);
  if (!doc) {
    doc = parseHtml(html);
    parsedCache.set(key, doc);
  }
  return { html, doc };
}

/** All elements below a node, in document order. */
export function elements(root: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === NodeType.ELEMENT_NODE) {
        out.push(child as HTMLElement);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The text of an HTML fragment with the tags removed and nothing put in their place (so two inline
 * elements with no white space between them run together, as a reader would see them), white space
 * collapsed.
 */
export function strippedText(html: string): string {
  const withoutInvisible = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<head\b[\s\S]*?<\/head>/i, '');
  return decodeEntities(withoutInvisible.replace(/<[^>]*>/g, ''))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Collapses white space, for comparing visible text. */
export const squash = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

export interface LinkProblem {
  page: string;
  attribute: string;
  value: string;
  reason: string;
}

/** The URLs in a `srcset` attribute. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .filter(Boolean);
}

/** The ids (and `<a name>`s) a page offers as fragment targets. */
export function fragmentTargets(doc: HTMLElement): Set<string> {
  const ids = new Set<string>();
  for (const el of elements(doc)) {
    const id = el.getAttribute('id');
    if (id) ids.add(id);
    if (el.tagName === 'A' && el.getAttribute('name')) ids.add(el.getAttribute('name')!);
  }
  return ids;
}

const LINK_ATTRIBUTES = ['href', 'src', 'srcset', 'poster', 'action', 'data'];

/**
 * Checks every internal link of every HTML file of a built site (href, src, srcset, poster, form
 * action, and the og:image / og:url metadata): the target must be a file of the build (a directory
 * meaning its index.html), and a `#fragment` must name an element of the target page.
 * @param siteOrigin absolute URLs with this origin are internal too (canonical, og:url).
 */
export function checkLinks(siteDir: string, siteOrigin: string): { problems: LinkProblem[]; checked: number } {
  const problems: LinkProblem[] = [];
  let checked = 0;
  const targetsOf = new Map<string, Set<string>>();
  const targets = (file: string) => {
    let set = targetsOf.get(file);
    if (!set) {
      set = fragmentTargets(readHtml(file).doc);
      targetsOf.set(file, set);
    }
    return set;
  };
  for (const file of siteFiles(siteDir).filter((f) => f.endsWith('.html'))) {
    const pagePath = urlPathOf(siteDir, file);
    const pageUrl = new URL(pagePath, siteOrigin);
    const { doc } = readHtml(file);
    const base = doc.querySelector('base')?.getAttribute('href');
    const baseUrl = base ? new URL(base, pageUrl) : pageUrl;
    const check = (attribute: string, value: string) => {
      const trimmed = value.trim();
      if (trimmed === '' && attribute !== 'action') {
        problems.push({ page: pagePath, attribute, value, reason: 'empty URL' });
        return;
      }
      if (/^(mailto|tel|javascript|data|sms):/i.test(trimmed)) return;
      let url: URL;
      try {
        url = new URL(trimmed, baseUrl);
      } catch {
        problems.push({ page: pagePath, attribute, value, reason: 'not a valid URL' });
        return;
      }
      if (url.origin !== new URL(siteOrigin).origin) return;
      checked++;
      const target = fileForPath(siteDir, url.pathname);
      if (!target) {
        problems.push({ page: pagePath, attribute, value, reason: `no file in the build for ${url.pathname}` });
        return;
      }
      if (url.hash && url.hash !== '#') {
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (!target.endsWith('.html') || !targets(target).has(fragment)) {
          problems.push({ page: pagePath, attribute, value, reason: `no element with id "${fragment}" on ${url.pathname}` });
        }
      }
    };
    for (const el of elements(doc)) {
      for (const attribute of LINK_ATTRIBUTES) {
        const value = el.getAttribute(attribute);
        if (value === undefined) continue;
        if (attribute === 'srcset') srcsetUrls(value).forEach((u) => check('srcset', u));
        else check(attribute, value);
      }
      if (el.tagName === 'META' && ['og:image', 'og:url', 'twitter:image'].includes(el.getAttribute('property') ?? el.getAttribute('name') ?? '')) {
        check('meta content', el.getAttribute('content') ?? '');
      }
    }
  }
  return { problems, checked };
}

/** Checks the `url(...)` references of the built style sheets. */
export function checkCssUrls(siteDir: string, siteOrigin: string): { problems: LinkProblem[]; checked: number } {
  const problems: LinkProblem[] = [];
  let checked = 0;
  for (const file of siteFiles(siteDir).filter((f) => f.endsWith('.css'))) {
    const cssPath = urlPathOf(siteDir, file);
    const css = readFileSync(file, 'utf8');
    for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      const value = match[2];
      if (/^(data|https?):/i.test(value) || value.startsWith('#')) continue;
      checked++;
      const url = new URL(value, new URL(cssPath, siteOrigin));
      if (!fileForPath(siteDir, url.pathname)) problems.push({ page: cssPath, attribute: 'url()', value, reason: `no file for ${url.pathname}` });
    }
  }
  return { problems, checked };
}

/** The paths of a paginated listing: the listing itself and its `trang/<n>/` pages that exist. */
export function listingPages(siteDir: string, base: string): string[] {
  const pages = [base];
  for (let n = 2; existsSync(pageFile(siteDir, `${base}trang/${n}/`)); n++) pages.push(`${base}trang/${n}/`);
  return pages;
}

/** The hrefs of all links in the `main` element of a page. */
export function mainLinks(siteDir: string, pathname: string): string[] {
  const { doc } = readHtml(pageFile(siteDir, pathname));
  const main = doc.querySelector('main') ?? doc;
  return main.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!);
}

/** Whether a paginated listing (any of its pages) links to `href` in its main content, outside the sidebar. */
export function listingLinksTo(siteDir: string, base: string, href: string): boolean {
  return listingPages(siteDir, base).some((p) => {
    const { doc } = readHtml(pageFile(siteDir, p));
    const main = doc.querySelector('main');
    if (!main) return false;
    return main
      .querySelectorAll('a[href]')
      .filter((a) => !a.closest('aside'))
      .some((a) => a.getAttribute('href') === href);
  });
}

/**
 * A small XML well-formedness check (what a feed reader's parser requires): one root element, every
 * element closed in order, attributes quoted, `<` and `&` escaped in text.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const text = (t: string) => {
    if (/&(?!(?:[A-Za-z][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/.test(t)) problems.push(`unescaped & in text near "${t.slice(0, 60)}"`);
    if (stack.length === 0 && t.trim() !== '') problems.push(`text outside the root element: "${t.trim().slice(0, 60)}"`);
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      text(xml.slice(i));
      break;
    }
    text(xml.slice(i, lt));
    const rest = xml.slice(lt);
    let m: RegExpExecArray | null;
    if (rest.startsWith('<!--')) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) return [...problems, 'unclosed comment'];
      i = end + 3;
    } else if (rest.startsWith('<![CDATA[')) {
      const end = xml.indexOf(']]>', lt);
      if (end === -1) return [...problems, 'unclosed CDATA'];
      if (stack.length === 0) problems.push('CDATA outside the root element');
      i = end + 3;
    } else if (rest.startsWith('<?')) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) return [...problems, 'unclosed processing instruction'];
      i = end + 2;
    } else if (rest.startsWith('<!')) {
      const end = xml.indexOf('>', lt);
      if (end === -1) return [...problems, 'unclosed declaration'];
      i = end + 1;
    } else if ((m = /^<\/([A-Za-z_][\w:.-]*)\s*>/.exec(rest))) {
      const open = stack.pop();
      if (open !== m[1]) problems.push(`</${m[1]}> closes <${open ?? 'nothing'}>`);
      i = lt + m[0].length;
    } else if ((m = /^<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(rest))) {
      if (stack.length === 0) roots++;
      if (!m[3]) stack.push(m[1]);
      i = lt + m[0].length;
    } else {
      problems.push(`malformed markup near "${rest.slice(0, 60)}"`);
      return problems;
    }
  }
  if (stack.length > 0) problems.push(`unclosed elements: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** The text contents of every `<tag>` in an XML string (entities decoded, CDATA unwrapped). */
export function xmlTexts(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
    decodeEntities(m[1].replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1')),
  );
}
