import { describe, expect, it } from 'vitest';
import { isSlug, slugFromEntryPath, toSlug } from '../../src/lib/slugs';
import { entryPathProblems } from '../../src/lib/entry-paths';

describe('toSlug', () => {
  it.each([
    ['Đảng ủy Khối tổ chức hội nghị', 'dang-uy-khoi-to-chuc-hoi-nghi'],
    ['Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh'],
    ['ĐẢNG ỦY', 'dang-uy'],
    ['Lữ đoàn 604', 'lu-doan-604'],
    ['25-TB/ĐUK', '25-tb-duk'],
    ['Chuyển đổi số 2025!', 'chuyen-doi-so-2025'],
    ['  Khoảng   trắng  ', 'khoang-trang'],
  ])('%s → %s', (text, slug) => {
    expect(toSlug(text)).toBe(slug);
  });

  it('gives the same slug for both tone-mark styles and for NFD input', () => {
    expect(toSlug('Hoà bình')).toBe(toSlug('Hòa bình'));
    expect(toSlug('Thuỷ lợi')).toBe('thuy-loi');
    expect(toSlug('Thủy lợi')).toBe('thuy-loi');
    expect(toSlug('Đảng ủy'.normalize('NFD'))).toBe('dang-uy');
  });

  it('treats the Icelandic Ð typed by mistake as Đ', () => {
    expect(toSlug('\u00D0ảng ủy')).toBe('dang-uy');
  });

  it('does not split words at capitals', () => {
    expect(toSlug('PhD ĐUK')).toBe('phd-duk');
  });

  it('returns an empty slug for text with no letters or digits', () => {
    expect(toSlug('!!! – ...')).toBe('');
  });
});

describe('isSlug', () => {
  it('accepts only lower-case ASCII words joined by single hyphens', () => {
    expect(isSlug('hoi-nghi-2025')).toBe(true);
    for (const bad of ['', 'Hoi-nghi', 'hội-nghị', 'hoi--nghi', '-hoi', 'hoi-', 'hoi nghi', 'hoi_nghi']) expect(isSlug(bad), bad).toBe(false);
  });
});

describe('slugFromEntryPath', () => {
  it('uses the file name at any depth, or the folder name for index.mdx', () => {
    expect(slugFromEntryPath('bai.mdx')).toBe('bai');
    expect(slugFromEntryPath('2025/03/bai-viet.mdx')).toBe('bai-viet');
    expect(slugFromEntryPath('2025/hoi-nghi/index.mdx')).toBe('hoi-nghi');
    expect(slugFromEntryPath('2025\\hoi-nghi\\index.mdx')).toBe('hoi-nghi');
  });
});

describe('entryPathProblems', () => {
  it('names both files of a duplicate slug', () => {
    const problems = entryPathProblems('/c/articles', ['/c/articles/2024/hoi-nghi.mdx', '/c/articles/2025/hoi-nghi/index.mdx', '/c/articles/2025/khac.mdx']);
    expect(problems).toHaveLength(2);
    expect(problems[0].file).toBe('/c/articles/2024/hoi-nghi.mdx');
    expect(problems[0].message).toContain('/c/articles/2025/hoi-nghi/index.mdx');
    expect(problems[1].message).toContain('/c/articles/2024/hoi-nghi.mdx');
  });

  it('refuses file names that are not slugs, with a hint', () => {
    const [problem] = entryPathProblems('/c/articles', ['/c/articles/2025/Hội nghị.mdx']);
    expect(problem.file).toBe('/c/articles/2025/Hội nghị.mdx');
    expect(problem.message).toMatch(/a-z/);
  });

  it('accepts a clean tree', () => {
    expect(entryPathProblems('/c', ['/c/a.mdx', '/c/2025/b/index.mdx'])).toEqual([]);
  });
});
