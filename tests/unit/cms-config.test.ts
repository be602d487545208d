/**
 * One truth: admin/config.yml (what the CMS writes) against the zod schemas of src/lib/schemas.ts
 * (what the build accepts). Field names must match; each field the CMS requires must be one the
 * schema requires, and the other way round, judged by the schema itself: an entry missing that field
 * must be refused. Notice kinds, the document-number rule and the file types must agree too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { componentNames, editorComponents } from '../../admin/components';
import { viOverrides } from '../../admin/locale-vi';
import { decapServerUrl } from '../../scripts/decap-server';
import { ALLOWED_COMPONENTS } from '../../src/lib/mdx-policy';
import {
  ATTACHMENT_EXTENSIONS,
  AUDIO_EXTENSIONS,
  DOCUMENT_NUMBER,
  NOTICE_KINDS,
  articleSchema,
  categorySchema,
  noticeSchema,
  pageSchema,
  settingsSchema,
} from '../../src/lib/schemas';
import { adminCsp } from '../../src/lib/security-headers';
import { projectRoot } from '../support/astro-build';

interface Field {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  fields?: Field[];
  options?: { value: string; label: string }[];
  pattern?: [string, string];
  default?: unknown;
  required_when?: { field: string; value: string };
  editor_components?: string[];
  collection?: string;
}
interface Collection {
  name: string;
  folder?: string;
  files?: { name: string; file: string; fields: Field[] }[];
  fields?: Field[];
  media_folder?: string;
  public_folder?: string;
  path?: string;
  slug?: string;
  format?: string;
  extension?: string;
}

const config = load(readFileSync(join(projectRoot, 'admin/config.yml'), 'utf8')) as { collections: Collection[]; local_backend: { url: string }; locale: string };
const collection = (name: string) => config.collections.find((c) => c.name === name)!;
const fieldsOf = (name: string) => collection(name).fields ?? collection(name).files![0].fields;

const schemas: Record<string, z.ZodType> = {
  articles: articleSchema(() => z.string()),
  notices: noticeSchema,
  pages: pageSchema,
  categories: categorySchema,
  settings: settingsSchema,
};

/** A valid value for a field, by its widget: the fullest entry the CMS can write. */
function sample(field: Field): unknown {
  switch (field.widget) {
    case 'vietnam-datetime':
      return '2026-03-12T09:30:00+07:00';
    case 'relation':
      return 'tin-hoat-dong';
    case 'select':
      return field.default ?? field.options![0].value;
    case 'boolean':
      return true;
    case 'number':
      return 3;
    case 'image':
      return 'anh.jpg';
    case 'file':
      return `tep.${/\\\.\((\w+)/.exec(field.pattern![0])![1]}`;
    case 'list':
      return field.fields ? [sampleObject(field.fields)] : ['Đảng ủy Khối', 'Học tập chuyên đề'];
    case 'object':
    case 'optional-object':
      return sampleObject(field.fields!);
    default:
      return field.name === 'number' ? '25-TB/ĐUK' : field.name === 'href' ? '/gioi-thieu/' : 'Chữ';
  }
}
const sampleObject = (fields: Field[]) => Object.fromEntries(fields.filter((f) => f.name !== 'body').map((f) => [f.name, sample(f)]));

/** Every field with its path and the object it lies in. */
function* walk(fields: Field[], path: string[] = []): Generator<{ field: Field; path: string[] }> {
  for (const field of fields) {
    if (field.name === 'body') continue;
    yield { field, path: [...path, field.name] };
    if (field.fields && field.widget !== 'list') yield* walk(field.fields, [...path, field.name]);
    if (field.fields && field.widget === 'list') yield* walk(field.fields, [...path, field.name, '0']);
  }
}

function without(data: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const copy = structuredClone(data);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  delete target[path.at(-1)!];
  return copy;
}

/** The keys of a zod object schema, looking through effects and optional/default wrappers. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  let s: unknown = schema;
  for (;;) {
    const def = (s as { _zod?: { def?: { type: string; innerType?: unknown; in?: unknown; shape?: Record<string, z.ZodType>; element?: unknown } } })._zod?.def;
    if (!def) throw new Error('not a zod schema');
    if (def.type === 'object') return def.shape!;
    if (def.type === 'array') s = def.element;
    else if (def.type === 'pipe') s = def.in;
    else s = def.innerType;
  }
}

describe('admin/config.yml and the zod schemas', () => {
  it.each(Object.keys(schemas))('%s: the CMS writes exactly the fields of the schema', (name) => {
    const shape = shapeOf(schemas[name]);
    expect(fieldsOf(name).map((f) => f.name).filter((n) => n !== 'body').sort()).toEqual(Object.keys(shape).sort());
    for (const { field, path } of walk(fieldsOf(name))) {
      if (!field.fields) continue;
      const inner = path.filter((p) => p !== '0').reduce((s: z.ZodType, key) => shapeOf(s)[key], schemas[name]);
      expect(field.fields.map((f) => f.name).sort(), path.join('.')).toEqual(Object.keys(shapeOf(inner)).sort());
    }
  });

  it.each(Object.keys(schemas))('%s: a field is required in the CMS exactly when the schema refuses an entry without it', (name) => {
    const full = sampleObject(fieldsOf(name));
    expect(schemas[name].safeParse(full).error?.issues ?? []).toEqual([]);
    for (const { field, path } of walk(fieldsOf(name))) {
      const cases: { data: Record<string, unknown>; required: boolean; when: string }[] = [];
      const group = [...walk(fieldsOf(name))].find(({ field: f, path: p }) => f.required_when && path.length > p.length && path.join('.').startsWith(p.join('.')));
      const needed = (rule: { field: string; value: string }) => ({ ...full, [rule.field]: rule.value });
      if (field.required_when) {
        // Needed when the condition holds, optional otherwise.
        const rule = field.required_when;
        const other = fieldsOf(name).find((f) => f.name === rule.field)!.options!.find((o) => o.value !== rule.value)!.value;
        cases.push({ data: needed(rule), required: true, when: `${rule.field} = ${rule.value}` });
        cases.push({ data: { ...full, [rule.field]: other }, required: false, when: `${rule.field} = ${other}` });
      } else if (group) {
        // A field of a group that is needed: checked while the group is needed.
        cases.push({ data: needed(group.field.required_when!), required: field.required !== false, when: 'the group is needed' });
      } else {
        cases.push({ data: full, required: field.required !== false, when: 'always' });
      }
      for (const c of cases) {
        const refused = !schemas[name].safeParse(without(c.data, path)).success;
        expect(refused, `${name}.${path.join('.')} (${c.when}): the CMS says ${c.required ? 'required' : 'optional'}`).toBe(c.required);
      }
    }
  });

  it('offers the notice kinds of the schema, with their Vietnamese labels, in its order', () => {
    const kind = fieldsOf('notices').find((f) => f.name === 'kind')!;
    expect(kind.options!.map((o) => [o.value, o.label])).toEqual(Object.entries(NOTICE_KINDS));
    expect(Object.keys(NOTICE_KINDS)).toContain(kind.default);
  });

  it("checks document numbers by the schema's rule, and says what is expected in Vietnamese", () => {
    const [pattern, message] = fieldsOf('notices').find((f) => f.name === 'number')!.pattern!;
    // Decap builds the pattern without flags; it must still agree with DOCUMENT_NUMBER (a `u` regex).
    const cms = new RegExp(pattern);
    const examples = ['25-TB/ĐUK', '05/GM-ĐUK', '112-KH/ĐUK', '7-QĐ/ĐUK', '3-BC/ĐU.KCQ', '01/CTr-ĐUK', '12-ƯB/ĐUK', '25 TB/ĐUK', 'TB/ĐUK', '25-', '25--TB', 'Số 25-TB/ĐUK', '25-TB/ĐUK ', '25/'];
    for (const example of examples) expect(cms.test(example), example).toBe(DOCUMENT_NUMBER.test(example));
    expect(message).toMatch(/25-TB\/ĐUK/);
  });

  it('accepts exactly the audio and attachment file types of the schema', () => {
    const typesOf = (field: Field) => /\((.*)\)/.exec(field.pattern![0])![1].split('|');
    expect(typesOf(fieldsOf('articles').find((f) => f.name === 'audio')!).sort()).toEqual([...AUDIO_EXTENSIONS].sort());
    const file = fieldsOf('notices').find((f) => f.name === 'attachments')!.fields!.find((f) => f.name === 'file')!;
    expect(typesOf(file).sort()).toEqual([...ATTACHMENT_EXTENSIONS].sort());
  });

  it('picks the category from the categories collection, which is the folder the site reads', () => {
    const category = fieldsOf('articles').find((f) => f.name === 'category')!;
    expect(category.widget).toBe('relation');
    expect(collection(category.collection!).folder).toBe('content/categories');
  });

  it('keeps files beside their entries, in year folders named by the site\'s slugs', () => {
    for (const name of ['articles', 'notices']) {
      const c = collection(name);
      expect(c.folder).toBe(`content/${name}`);
      expect({ media: c.media_folder, public: c.public_folder, path: c.path, slug: c.slug, format: c.format, extension: c.extension }).toEqual({
        media: '',
        public: '',
        path: '{{_year}}/{{slug}}/index',
        slug: '{{_slug}}',
        format: 'site-frontmatter',
        extension: 'mdx',
      });
    }
    expect(collection('pages').folder).toBe('content/pages');
    expect(collection('settings').files![0].file).toBe('content/settings/site.yaml');
  });

  it('offers every site component in the article body, and only those', () => {
    const ids = editorComponents.map((c) => c.id);
    const body = fieldsOf('articles').find((f) => f.name === 'body')!;
    expect(body.editor_components!.sort()).toEqual([...ids].sort());
    expect(body.editor_components!.map((id) => componentNames[id]).sort()).toEqual(Object.keys(ALLOWED_COMPONENTS).sort());
    for (const c of config.collections) {
      for (const { field } of walk(c.fields ?? [])) for (const id of field.editor_components ?? []) expect(ids).toContain(id);
    }
  });

  it('is in Vietnamese, with the local backend on the address the admin policy allows', () => {
    expect(config.locale).toBe('vi');
    expect(config.local_backend.url).toBe(decapServerUrl(8081));
    expect(adminCsp()).toContain(new URL(config.local_backend.url).origin);
  });
});

describe('the Vietnamese phrases', () => {
  it("only override phrases Decap has (no typo'd keys that would silently do nothing)", async () => {
    // @ts-expect-error Decap's locale modules have no type declarations
    const { default: en } = (await import('decap-cms-locales/dist/esm/en/index.js')) as { default: Record<string, unknown> };
    const missing: string[] = [];
    const check = (over: Record<string, unknown>, base: Record<string, unknown> | undefined, path: string) => {
      for (const [key, value] of Object.entries(over)) {
        if (!base || !(key in base)) missing.push(`${path}${key}`);
        else if (typeof value === 'object') check(value as Record<string, unknown>, base[key] as Record<string, unknown>, `${path}${key}.`);
      }
    };
    check(viOverrides, en, '');
    expect(missing).toEqual([]);
  });
});
