/**
 * Browser-side checks of what a reader sees, for page.evaluate().
 */

export interface GluedText {
  before: string;
  after: string;
}

/**
 * Finds places where the last letter of one text node and the first letter of the next are drawn
 * side by side on one line with no space between them: two words that a reader sees run together
 * ("tỉnhHọc"), typically because white space between inline elements was dropped. Measured on the
 * rendered page, so CSS that separates elements (block, flex gap, margins) counts as separation.
 * Text that is not drawn (display: none, visually hidden by clipping) is left out.
 */
export function findGluedText(): GluedText[] {
  const WORD = /[\p{L}\p{N}]/u;
  const skipped = (el: Element | null): boolean => {
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(e.tagName)) return true;
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden') return true;
      if (cs.position === 'absolute' && (cs.clip !== 'auto' || cs.clipPath !== 'none')) return true;
    }
    return false;
  };
  const charRect = (node: Text, offset: number): DOMRect | undefined => {
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    return rects[0];
  };
  const texts: Text[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (t.data.trim() !== '' && !skipped(t.parentElement)) texts.push(t);
  }
  const glued: GluedText[] = [];
  for (let i = 1; i < texts.length; i++) {
    const prev = texts[i - 1];
    const next = texts[i];
    const last = prev.data.length - 1;
    if (!WORD.test(prev.data[last]) || !WORD.test(next.data[0])) continue;
    const a = charRect(prev, last);
    const b = charRect(next, 0);
    if (!a || !b) continue;
    const sameLine = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5 * Math.min(a.height, b.height);
    const gap = b.left - a.right;
    if (sameLine && gap > -1 && gap < 1.5) glued.push({ before: prev.data.trim().slice(-30), after: next.data.trim().slice(0, 30) });
  }
  return glued;
}
