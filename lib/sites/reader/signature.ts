/**
 * The structural signature of an element: what kind of block it is, as far as markup says. Posts of
 * one page share one; state classes (odd/even, depth-2, is-new, utility classes) are left out.
 */
/** Class tokens that say how an item looks or where it sits, not what it is. */
export const STATE = /^(odd|even|alt|first|last|new|read|unread|active|selected|open|closed|hidden|visible|clearfix|row|col|clear|left|right|pull-left|pull-right|fade|in|show|js-.*|is-.*|has-.*|d-.*|p[xytblr]?-.*|m[xytblr]?-.*|flex.*|text-.*|bg-.*|border.*|rounded.*|shadow.*|w-.*|h-.*|gap-.*|align-.*|justify-.*)$/;

/** Classes a utility-class block carries, at least and at most, for its list to name its component. */
const UTILITY_MIN = 4;
const UTILITY_MAX = 16;

const ELIGIBLE = new Set(['LI', 'ARTICLE', 'DIV', 'SECTION', 'TR', 'TABLE', 'DL', 'DD', 'BLOCKQUOTE']);

/** Tag plus the first class that names a kind of thing; else tag plus the id's non-digit pattern. */
export function signature(el: Element): string | null {
  // A custom element's name (always with a hyphen) names its component: a comment renderer is a block like a div.
  const custom = !ELIGIBLE.has(el.tagName) && el.localName.includes('-');
  if (!custom && !ELIGIBLE.has(el.tagName)) return null;
  const cls = el.getAttribute('class');
  if (cls) {
    for (const t of cls.split(/\s+/)) {
      if (t && !/\d/.test(t) && !STATE.test(t)) return `${el.tagName}.${t}`;
    }
  }
  const id = el.id;
  if (id && /\d/.test(id)) {
    const pattern = id.replace(/\d+/g, '');
    if (pattern.length >= 1 && pattern.length <= 30) return `${el.tagName}#${pattern}`;
  }
  // Utility-class markup (Tailwind and the like) names no kind in any one class: a block's whole class
  // list is its component's ("DIV%mb-5 flex flex-col gap-3 rounded-lg border p-4"). Only for blocks
  // that had no signature at all, so no other block's kind changes.
  if (cls && (el.tagName === 'DIV' || el.tagName === 'SECTION')) {
    const tokens = cls.trim().split(/\s+/);
    if (tokens.length >= UTILITY_MIN && tokens.length <= UTILITY_MAX) return `${el.tagName}%${tokens.join(' ')}`;
  }
  // A bare table row is told apart by its cells: a layout table nests a post's one-cell wrapper row
  // around its three-cell content row (spacer, vote, words), and header, post and spacer rows differ too.
  if (el.tagName === 'TR') return `TR~${Math.min(el.children.length, 9)}`;
  return el.tagName === 'LI' || el.tagName === 'ARTICLE' || el.tagName === 'DD' || custom ? el.tagName : null;
}


