/**
 * The CMS's file formats (admin/format.ts): every content file reads and writes back to the same
 * data and body; what the CMS writes is clean (no internal keys, no empty values, NFC text) and
 * passes the site's schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { siteFrontmatter, siteYaml } from '../../admin/format';
import { parseFrontmatter } from '../../src/lib/frontmatter';
import { articleSchema } from '../../src/lib/schemas';
import { textProblems } from '../../src/lib/text-hygiene';
import { defaultContentDir } from '../support/site-content';

const files = (readdirSync(defaultContentDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.(mdx|yaml)$/.test(f)).sort();
const bodyOf = (source: string) => source.replace(/^---\n[\s\S]*?\n---\n\n?/, '');

describe('site-frontmatter and site-yaml', () => {
  it.each(files)('%s reads and writes back the same data, body and key order', (file) => {
    const source = readFileSync(join(defaultContentDir, file), 'utf8');
    if (file.endsWith('.mdx')) {
      const written = siteFrontmatter.toFile(siteFrontmatter.fromFile(source));
      expect(parseFrontmatter(written)).toEqual(parseFrontmatter(source));
      expect(Object.keys(parseFrontmatter(written))).toEqual(Object.keys(parseFrontmatter(source)));
      expect(bodyOf(written)).toBe(bodyOf(source).trimEnd() === '' ? '' : `${bodyOf(source).trimEnd()}\n`);
    } else {
      const written = siteYaml.toFile(siteYaml.fromFile(source));
      expect(siteYaml.fromFile(written)).toEqual(siteYaml.fromFile(source));
    }
  });

  it('writes a new article as the content contract has it', () => {
    const data = {
      title: 'Đảng ủy Khối tổ chức hội nghị'.normalize('NFD'),
      summary: 'Sáng 12/3, \u00D0ảng ủy Khối tổ chức hội nghị.\u200B',
      date: '2026-03-12T09:30:00+07:00',
      updated: '',
      category: 'tin-hoat-dong',
      tags: ['Học tập chuyên đề', 'Đảng ủy Khối'],
      author: '',
      cover: { src: 'anh.jpg', alt: 'Quang cảnh', caption: '' },
      audio: '',
      featured: false,
      _slug: 'dang-uy-khoi-to-chuc-hoi-nghi',
      _year: '2026',
      body: 'Nội dung.\n\n',
    };
    const order = ['title', 'summary', 'date', 'updated', 'category', 'tags', 'author', 'source', 'cover', 'audio', 'featured', 'draft', 'body'];
    const written = siteFrontmatter.toFile(data, order);
    expect(written).toBe(
      [
        '---',
        'title: Đảng ủy Khối tổ chức hội nghị',
        'summary: Sáng 12/3, Đảng ủy Khối tổ chức hội nghị.',
        'date: 2026-03-12T09:30:00+07:00',
        'category: tin-hoat-dong',
        'tags:',
        '  - Học tập chuyên đề',
        '  - Đảng ủy Khối',
        'cover:',
        '  src: anh.jpg',
        '  alt: Quang cảnh',
        'featured: false',
        '---',
        '',
        'Nội dung.',
        '',
      ].join('\n'),
    );
    expect(textProblems(written)).toEqual([]);
    expect(articleSchema(() => z.string()).safeParse(parseFrontmatter(written)).success).toBe(true);
  });

  it('leaves out a cover left empty, and an entry without body has none', () => {
    const written = siteFrontmatter.toFile({ title: 'T', cover: { src: '', alt: '' }, tags: [], body: '' });
    expect(written).toBe('---\ntitle: T\n---\n');
  });

  it('quotes what YAML would read as another type, and keeps dates as strings', () => {
    const written = siteYaml.toFile({ name: 'true', description: '2026', order: 3, date: '2026-03-12' });
    expect(siteYaml.fromFile(written)).toMatchObject({ name: 'true', description: '2026', order: 3, date: '2026-03-12' });
  });
});
