/**
 * The one text normaliser shared by training (scripts/train.ts) and scoring (detect()).
 * Page text is hostile: invisible characters and look-alike letters are used to dodge
 * keyword filters, so they are removed or folded before any feature is computed.
 */

/** Work is bounded: longer input is cut before any heavy step (issue 3, hot path). */
export const MAX_CHARS = 5000;

// Zero-width, soft hyphen, word joiners, BOM, bidi embeddings/overrides/isolates, Arabic letter mark.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// Lone surrogates cannot be NFKC-normalised meaningfully and would poison hashes: replace them.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cyrillic and Greek letters that render like Latin ones (after lowercasing). */
const HOMOGLYPHS: Record<string, string> = {
  'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p',
  'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd',
  'ɡ': 'g', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l',
  'α': 'a', 'β': 'b', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't',
  'υ': 'u', 'χ': 'x', 'ϲ': 'c',
  // Typographic quotes fold to ASCII so "don’t" and "don't" are one word.
  '\u2018': "'", '\u2019': "'", '\u02BC': "'", '\u201C': '"', '\u201D': '"',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');
// Any UTF-16 code unit outside ASCII (surrogate halves included).
const NON_ASCII = /[\u0080-\uFFFF]/;

/**
 * NFKC, strip invisible characters, lowercase, fold homoglyphs. URLs, @mentions and numbers
 * are collapsed later by the tokeniser, which scans this output char by char.
 * ASCII input (most tweets) skips the Unicode steps: that is what keeps scoring fast.
 */
export function normalise(text: string): string {
  let s = text.length > MAX_CHARS ? cut(text, MAX_CHARS) : text;
  if (NON_ASCII.test(s)) {
    s = s.replace(LONE_SURROGATE, ' ').replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '');
    s = s.toLowerCase().replace(HOMOGLYPH_RE, (c) => HOMOGLYPHS[c] ?? c);
    return s;
  }
  return s.toLowerCase();
}

/** Cut at `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
