/**
 * The reader's display preferences (text size, high contrast): what they may be, how they are kept
 * in the browser (localStorage, so they follow the reader from page to page), and how they are put
 * on the page. Used by the inline script in every page's <head> and by the reader tools' script.
 */

/** Text sizes offered, in percent of the site's normal size. A− and A+ step through them; A returns to 100. */
export const TEXT_SIZES = [90, 100, 115, 130, 150] as const;
export const DEFAULT_TEXT_SIZE = 100;

/** localStorage keys. Changing them forgets every reader's choice. */
export const PREF_KEYS = { textSize: 'dbk-text-size', contrast: 'dbk-contrast' } as const;

export interface ReaderPrefs {
  /** One of TEXT_SIZES */
  textSize: number;
  highContrast: boolean;
}

/**
 * The next text size from `current`: one step smaller (-1) or larger (+1), kept within the offered
 * sizes, or the normal size (0). An unknown current size counts as the normal one.
 * @example stepTextSize(100, 1) // 115
 */
export function stepTextSize(current: number, step: -1 | 0 | 1): number {
  if (step === 0) return DEFAULT_TEXT_SIZE;
  const sizes: readonly number[] = TEXT_SIZES;
  const at = sizes.includes(current) ? sizes.indexOf(current) : sizes.indexOf(DEFAULT_TEXT_SIZE);
  return sizes[Math.min(sizes.length - 1, Math.max(0, at + step))];
}

/** What `applyReaderPrefs` touches of `<html>`: a data attribute per preference, and the scale as a CSS custom property. */
export interface PrefsRoot {
  dataset: Record<string, string | undefined>;
  style: { setProperty(name: string, value: string): void; removeProperty(name: string): unknown };
}

/**
 * Puts the preferences on `<html>`: `data-text-size` and the `--text-scale` the stylesheet multiplies
 * the root font size by, `data-contrast="high"`. The scale goes through the CSSOM, not a style
 * attribute, so a strict Content-Security-Policy (no inline styles) still allows it.
 * Keep in step with `readerPrefsScript`, which does the same before first paint (a unit test compares them).
 */
export function applyReaderPrefs(root: PrefsRoot, prefs: ReaderPrefs): void {
  if (prefs.textSize === DEFAULT_TEXT_SIZE) {
    delete root.dataset.textSize;
    root.style.removeProperty('--text-scale');
  } else {
    root.dataset.textSize = String(prefs.textSize);
    root.style.setProperty('--text-scale', String(prefs.textSize / 100));
  }
  if (prefs.highContrast) root.dataset.contrast = 'high';
  else delete root.dataset.contrast;
}

/** Reads the saved preferences; anything unreadable or unknown means the defaults. */
export function loadReaderPrefs(storage: Pick<Storage, 'getItem'>): ReaderPrefs {
  const size = Number(storage.getItem(PREF_KEYS.textSize));
  return {
    textSize: (TEXT_SIZES as readonly number[]).includes(size) ? size : DEFAULT_TEXT_SIZE,
    highContrast: storage.getItem(PREF_KEYS.contrast) === 'high',
  };
}

/** Saves the preferences; the defaults are saved as nothing. */
export function saveReaderPrefs(storage: Pick<Storage, 'setItem' | 'removeItem'>, prefs: ReaderPrefs): void {
  if (prefs.textSize === DEFAULT_TEXT_SIZE) storage.removeItem(PREF_KEYS.textSize);
  else storage.setItem(PREF_KEYS.textSize, String(prefs.textSize));
  if (prefs.highContrast) storage.setItem(PREF_KEYS.contrast, 'high');
  else storage.removeItem(PREF_KEYS.contrast);
}

const otherSizes = TEXT_SIZES.filter((size) => size !== DEFAULT_TEXT_SIZE).join(',');

/**
 * The inline script every page runs in <head>, before anything is painted, so that a reader's text
 * size and contrast are there from the first frame instead of the page jumping once the tools'
 * script has loaded. It is built from constants only, so its text (and its CSP hash) is the same
 * on every page and every build. Storage can be missing or refused (private modes): then nothing happens.
 */
export const readerPrefsScript =
  `try{var r=document.documentElement,s=localStorage,t=+s.getItem(${JSON.stringify(PREF_KEYS.textSize)});` +
  `if([${otherSizes}].indexOf(t)>=0){r.dataset.textSize=t;r.style.setProperty("--text-scale",t/100)}` +
  `if(s.getItem(${JSON.stringify(PREF_KEYS.contrast)})=="high")r.dataset.contrast="high"}catch(e){}`;
