import type { Verdict } from '../types';

/** Attributes from the test contract (ARCHITECTURE.md): every read post, and the severity of flagged ones. */
export const POST_ATTR = 'data-frontline-post';
export const SEVERITY_ATTR = 'data-frontline-severity';
const STYLE_ID = 'frontline-marks';
const MARK_COLOURS: Record<number, string> = { 1: '#60a5fa', 2: '#f59e0b', 3: '#f97316', 4: '#dc2626' };

/**
 * Writes only; never reads layout. Re-marking is idempotent so recycled X nodes stay right.
 * `keepSeverity`: only the read mark now; the severity (which a style rule draws) follows in the
 * frame's writes (frame-writes.ts), and a severity already there stays until then.
 */
export function markPost(el: Element, postId: string, verdict: Verdict | null, keepSeverity = false): void {
  if (el.getAttribute(POST_ATTR) !== postId) el.setAttribute(POST_ATTR, postId);
  if (keepSeverity) return;
  if (verdict?.complaint && verdict.severity > 0) {
    el.setAttribute(SEVERITY_ATTR, String(verdict.severity));
  } else if (el.hasAttribute(SEVERITY_ATTR)) {
    el.removeAttribute(SEVERITY_ATTR);
  }
}

/**
 * A post the detector would have flagged but that is not in English: not read, so no severity
 * and no chip; the attribute says why (the language code), for the agent's DevTools and the tests.
 */
export const LANGUAGE_ATTR = 'data-frontline-not-read';

export function markNotRead(el: Element, language: string | null): void {
  if (language) {
    if (el.getAttribute(LANGUAGE_ATTR) !== language) el.setAttribute(LANGUAGE_ATTR, language);
  } else if (el.hasAttribute(LANGUAGE_ATTR)) el.removeAttribute(LANGUAGE_ATTR);
}

/**
 * The in-place mark is a coloured left rule drawn by one <style> element we own, so
 * marking a post is a single attribute write and the page's own styles stay untouched.
 */
export function ensureMarkStyles(doc: Document): HTMLStyleElement {
  const existing = doc.getElementById(STYLE_ID);
  if (existing instanceof HTMLStyleElement) return existing;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  // One declaration per severity, no custom property: an inherited variable set on the post would
  // make every element inside it recalculate its style too (issue 18).
  // The rule is a background, not a box-shadow (nor an outline): Chromium recomputes the ink overflow
  // of a box whose shadow changes, and of every ancestor, and in a list of 50,000 comments each mark
  // flush made the next frame's PrePaint walk the whole list (9.2 s of PrePaint with us against 0.7 s
  // without; with a background rule 1.4 s, bench:page). A post's own background image (rare on posts)
  // gives way to the rule while it is flagged; its background colour stays.
  style.textContent = [1, 2, 3, 4]
    .map((sev) => `[${SEVERITY_ATTR}="${sev}"] { background-image: linear-gradient(to right, ${MARK_COLOURS[sev]} 3px, transparent 3px) !important; }`)
    .join('\n');
  (doc.head ?? doc.documentElement).appendChild(style);
  return style;
}

export { SEVERITY_LABELS } from '../model/severities';

/** Every mark a reader wrote, taken off: when another reader takes the page over, its posts are marked afresh. */
export function clearMarks(doc: Document): void {
  for (const el of doc.querySelectorAll(`[${POST_ATTR}], [${LANGUAGE_ATTR}]`)) {
    el.removeAttribute(POST_ATTR);
    el.removeAttribute(SEVERITY_ATTR);
    el.removeAttribute(LANGUAGE_ATTR);
  }
}
