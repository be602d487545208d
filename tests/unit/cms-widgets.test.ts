/** The conversions behind the CMS's own widgets (admin/widgets/). */
import { describe, expect, it } from 'vitest';
import { hasContent } from '../../admin/widgets/optional-object';
import { fromDateTimeInput, toDateTimeInput } from '../../admin/widgets/vietnam-time';
import { parseVietnamDate } from '../../src/lib/dates';

describe('vietnam-datetime', () => {
  it('stores what the editor picked as Viet Nam time, with +07:00', () => {
    expect(fromDateTimeInput('2026-03-12T09:30')).toBe('2026-03-12T09:30:00+07:00');
    expect(fromDateTimeInput('2026-01-01T00:05')).toBe('2026-01-01T00:05:00+07:00');
    expect(fromDateTimeInput('2026-02-30T09:30')).toBeUndefined();
    expect(fromDateTimeInput('hôm qua')).toBeUndefined();
  });

  it('shows any stored date as the wall clock in Viet Nam', () => {
    expect(toDateTimeInput('2026-03-12T09:30:00+07:00')).toBe('2026-03-12T09:30');
    expect(toDateTimeInput('2026-03-12T02:30:00Z')).toBe('2026-03-12T09:30');
    expect(toDateTimeInput('2026-03-12 09:30')).toBe('2026-03-12T09:30');
    expect(toDateTimeInput('2026-03-12')).toBe('2026-03-12T00:00');
    expect(toDateTimeInput('')).toBe('');
    expect(toDateTimeInput(undefined)).toBe('');
  });

  it('round-trips, and means the same instant the site reads', () => {
    for (const input of ['2026-03-12T09:30', '2025-12-31T23:59', '2026-01-01T00:00']) {
      const stored = fromDateTimeInput(input)!;
      expect(toDateTimeInput(stored)).toBe(input);
      expect(parseVietnamDate(stored)!.getTime()).toBe(parseVietnamDate(input)!.getTime());
    }
  });
});

describe('optional-object', () => {
  it('counts a group as used when any field holds something', () => {
    expect(hasContent({ src: '', alt: '', caption: '' })).toBe(false);
    expect(hasContent(undefined)).toBe(false);
    expect(hasContent({ src: 'anh.jpg', alt: '' })).toBe(true);
    expect(hasContent({ location: '  ' })).toBe(false);
    expect(hasContent({ list: ['', 'x'] })).toBe(true);
  });
});
