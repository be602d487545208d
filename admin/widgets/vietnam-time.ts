/**
 * The date-time widget's conversions: the field shows the wall-clock time in Viet Nam and stores ISO
 * 8601 with +07:00, whatever the time zone of the editor's computer (see vietnam-datetime.ts).
 */
import { parseVietnamDate, toVietnamIso } from '../../src/lib/dates';

/**
 * A stored date as the value of an `<input type="datetime-local">`, in Viet Nam time; '' if it is not a date.
 * @example toDateTimeInput('2025-03-12T02:30:00Z') // '2025-03-12T09:30'
 */
export function toDateTimeInput(value: unknown): string {
  const date = typeof value === 'string' || value instanceof Date ? parseVietnamDate(value) : undefined;
  return date ? toVietnamIso(date).slice(0, 16) : '';
}

/**
 * What an editor picked (`2025-03-12T09:30`, Viet Nam time) as the stored value; undefined if it is not a date.
 * @example fromDateTimeInput('2025-03-12T09:30') // '2025-03-12T09:30:00+07:00'
 */
export function fromDateTimeInput(input: string): string | undefined {
  const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(input) ? parseVietnamDate(input) : undefined;
  return date && toVietnamIso(date);
}
