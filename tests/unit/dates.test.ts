import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateline,
  formatEventTime,
  parseVietnamDate,
  toVietnamIso,
  vietnamParts,
  vietnamYear,
  weekdayName,
} from '../../src/lib/dates';
import { intlVietnamParts } from '../support/site-content';

describe('parseVietnamDate', () => {
  it('keeps an explicit offset', () => {
    expect(parseVietnamDate('2020-10-16T03:41:00+07:00')?.toISOString()).toBe('2020-10-15T20:41:00.000Z');
    expect(parseVietnamDate('2020-10-16T03:41:00Z')?.toISOString()).toBe('2020-10-16T03:41:00.000Z');
    expect(parseVietnamDate('2020-10-16T03:41:00-0500')?.toISOString()).toBe('2020-10-16T08:41:00.000Z');
  });

  it('reads a value without offset as Asia/Ho_Chi_Minh', () => {
    expect(parseVietnamDate('2020-10-16T03:41')?.toISOString()).toBe('2020-10-15T20:41:00.000Z');
    expect(parseVietnamDate('2020-10-16 03:41:05')?.toISOString()).toBe('2020-10-15T20:41:05.000Z');
    expect(parseVietnamDate('2020-10-16')?.toISOString()).toBe('2020-10-15T17:00:00.000Z');
  });

  it('rejects what is not a real date', () => {
    for (const bad of ['', 'hôm qua', '16/10/2020', '2020-13-01', '2021-02-29', '2020-10-16T24:00', '2020-10-16T10:61', '2020-10-16T10:00+25:00']) {
      expect(parseVietnamDate(bad), bad).toBeUndefined();
    }
    expect(parseVietnamDate('2024-02-29')).toBeInstanceOf(Date);
  });

  it('passes valid Date objects through and rejects invalid ones', () => {
    const d = new Date('2020-01-01T00:00:00Z');
    expect(parseVietnamDate(d)).toBe(d);
    expect(parseVietnamDate(new Date('x'))).toBeUndefined();
  });
});

describe('formatting in Asia/Ho_Chi_Minh', () => {
  const early = parseVietnamDate('2020-10-16T03:41:00+07:00')!;

  it('shows the Vietnamese calendar day, not the UTC one', () => {
    expect(formatDate(early)).toBe('16/10/2020');
    expect(formatDateline(early)).toBe('Thứ Sáu, 16/10/2020 · 03:41');
    expect(toVietnamIso(early)).toBe('2020-10-16T03:41:00+07:00');
  });

  it('names every weekday in Vietnamese', () => {
    // 2026-11-22 is a Sunday.
    const names = Array.from({ length: 7 }, (_, i) => weekdayName(parseVietnamDate(`2026-11-${22 + i}`)!));
    expect(names).toEqual(['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']);
  });

  it('puts the first half hour of a year in the new year', () => {
    const newYear = parseVietnamDate('2025-01-01T00:30')!;
    expect(newYear.getUTCFullYear()).toBe(2024);
    expect(vietnamYear(newYear)).toBe(2025);
  });

  it('formats meeting times', () => {
    expect(formatEventTime(parseVietnamDate('2026-12-14T08:00')!)).toBe('08:00, Thứ Hai, 14/12/2026');
  });

  it('agrees with the time-zone database for every hour across several years', () => {
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2040, 0, 1); t += 7 * 3600_000 + 13 * 60_000) {
      const date = new Date(t);
      const reference = intlVietnamParts(date);
      const ours = vietnamParts(date);
      expect([ours.year, ours.month, ours.day, ours.hour, ours.minute, ours.weekday].map(Number)).toEqual(
        [reference.year, reference.month, reference.day, reference.hour, reference.minute, reference.weekday].map(Number),
      );
    }
  });
});
