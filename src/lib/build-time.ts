import { parseVietnamDate } from './dates.ts';

/** The moment of the build; `BUILD_NOW` (ISO 8601) pins it for tests of scheduled entries. */
export const buildTime: Date = (process.env.BUILD_NOW && parseVietnamDate(process.env.BUILD_NOW)) || new Date();
