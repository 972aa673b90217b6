/**
 * Post length the way X counts it (twitter-text v3 configuration):
 * code points in a few Latin/punctuation ranges weigh 1, everything else (CJK, most
 * symbols) weighs 2, every URL weighs 23 whatever its length, and every emoji sequence
 * (ZWJ families, flags, skin tones) weighs 2. Text is NFC-normalised first.
 *
 * URL detection is an approximation of twitter-text's: http(s) URLs, and bare domains
 * with a common TLD (a short ccTLD domain needs "www." or a path, as in twitter-text).
 */

export const X_MAX_WEIGHTED_LENGTH = 280;
export const X_URL_WEIGHTED_LENGTH = 23;

const SCALE = 100;
const DEFAULT_WEIGHT = 200;
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

const GENERIC_TLDS =
  'com|net|org|edu|gov|mil|int|info|biz|name|pro|io|co|ai|app|dev|me|tv|ly|gg|xyz|online|site|shop|store|tech|blog|news|page|cloud|link|live|email|support|help';
const URL_PATTERN = new RegExp(
  [
    // Scheme URLs; trailing sentence punctuation is not part of the link.
    String.raw`https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'}]`,
    // Bare domains: not glued to a word, an @ (email) or a # / $ tag.
    String.raw`(?<![\p{L}\p{N}@＠$#＃._\/-])(?:(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${GENERIC_TLDS})|(?:www\.(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2}))(?![\p{L}\p{N}@-]|\.[\p{L}\p{N}])(?:\/(?:[^\s<>"]*[^\s<>".,;:!?)\]'}])?)?`,
    String.raw`(?<![\p{L}\p{N}@＠$#＃._\/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2}\/(?:[^\s<>"]*[^\s<>".,;:!?)\]'}])?`,
  ].join('|'),
  'giu',
);

/**
 * One emoji sequence: a flag (two regional indicators), a keycap, or a pictograph with
 * its variation selector, skin tone or tag characters, joined by ZWJ into families and
 * professions. A regex rather than Intl.Segmenter: the counter runs on every keystroke
 * and segmenting is an order of magnitude slower.
 */
const EMOJI_SEQUENCE =
  /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}])*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*/gu;
/** Shown as an emoji (not a text symbol such as a bare ©), so it weighs 2 as a whole. */
const SHOWN_AS_EMOJI = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Regional_Indicator}/u;

function codePointWeight(cp: number): number {
  for (const [lo, hi] of LIGHT_RANGES) if (cp >= lo && cp <= hi) return SCALE;
  return DEFAULT_WEIGHT;
}

function codePointsWeight(text: string): number {
  let weight = 0;
  for (const ch of text) weight += codePointWeight(ch.codePointAt(0)!);
  return weight;
}

/** Weight of plain text (no URLs) in hundredths. */
function textWeight(text: string): number {
  let weight = 0;
  let last = 0;
  for (const m of text.matchAll(EMOJI_SEQUENCE)) {
    weight += codePointsWeight(text.slice(last, m.index));
    weight += SHOWN_AS_EMOJI.test(m[0]) ? DEFAULT_WEIGHT : codePointsWeight(m[0]);
    last = m.index + m[0].length;
  }
  return weight + codePointsWeight(text.slice(last));
}

/** URL spans [start, end) in the NFC form of `text`. */
export function findUrls(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.normalize('NFC').matchAll(URL_PATTERN)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** Weighted length as X shows it against the 280 limit. */
export function xWeightedLength(text: string): number {
  const nfc = text.normalize('NFC');
  let weight = 0;
  let last = 0;
  for (const m of nfc.matchAll(URL_PATTERN)) {
    weight += textWeight(nfc.slice(last, m.index)) + X_URL_WEIGHTED_LENGTH * SCALE;
    last = m.index + m[0].length;
  }
  weight += textWeight(nfc.slice(last));
  return weight / SCALE;
}
