/**
 * Posts a page declares in JSON-LD (schema.org Comment, DiscussionForumPosting, Answer, Question,
 * Review, SocialMediaPosting): author, text, address and time as the page states them. Pure: no DOM;
 * lib/sites/reader/structured.ts finds the element each one is shown in. Page JSON is hostile:
 * bounded in size, depth and count, and anything malformed is skipped, never thrown.
 */

export const POST_TYPES = ['Comment', 'DiscussionForumPosting', 'Answer', 'Question', 'Review', 'SocialMediaPosting'] as const;

export interface DeclaredPost {
  type: string;
  author: string;
  authorUrl: string | null;
  /** The text as declared: often cut short ("…") or holding markup; the element's words are read instead. */
  text: string;
  url: string | null;
  time: string | null;
}

/** Where schema.org nests posts inside other things (a thread's comments, a question's answers, a graph). */
const CHILD_KEYS = ['@graph', 'mainEntity', 'comment', 'comments', 'suggestedAnswer', 'acceptedAnswer', 'answer', 'review', 'reviews', 'hasPart', 'itemListElement', 'item'];
const TEXT_KEYS = ['text', 'articleBody', 'reviewBody', 'commentText', 'description'];
const MAX_SCRIPT_CHARS = 2_000_000;
const MAX_DEPTH = 12;
export const MAX_DECLARED = 600;

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "Comment", "schema:Comment", "https://schema.org/Comment" or a list holding one of them. */
function postType(v: Json): string | null {
  for (const t of Array.isArray(v) ? v : [v]) {
    if (typeof t !== 'string') continue;
    const name = t.replace(/^(https?:\/\/schema\.org\/|schema:)/, '');
    if ((POST_TYPES as readonly string[]).includes(name)) return name;
  }
  return null;
}

const first = (v: Json): Json => (Array.isArray(v) ? v[0] : v);

function stringOf(v: Json): string {
  const f = first(v);
  if (typeof f === 'string') return f;
  if (typeof f === 'number') return String(f);
  return '';
}

/** A person or organisation written as a name, an object with a name, or a list of either. */
function authorOf(v: Json): { name: string; url: string | null } {
  const a = first(v);
  if (typeof a === 'string') return { name: a, url: null };
  if (!isObject(a)) return { name: '', url: null };
  const url = stringOf(a.url) || (typeof a['@id'] === 'string' && /^https?:/.test(a['@id']) ? a['@id'] : '');
  return { name: stringOf(a.name) || stringOf(a.alternateName), url: url || null };
}

function declared(o: Record<string, Json>, type: string): DeclaredPost {
  const author = authorOf(o.author ?? o.creator);
  let text = '';
  for (const k of TEXT_KEYS) {
    text = stringOf(o[k]);
    if (text) break;
  }
  const id = typeof o['@id'] === 'string' ? o['@id'] : '';
  return {
    type,
    author: author.name.trim(),
    authorUrl: author.url,
    // A Question may declare only its title.
    text: text || (type === 'Question' ? stringOf(o.name) : ''),
    url: stringOf(o.url) || (/^(https?:|#)/.test(id) ? id : '') || null,
    time: stringOf(o.dateCreated) || stringOf(o.datePublished) || null,
  };
}

/** Every declared post in one JSON-LD script's text, in the order written. */
export function postsInJsonLd(source: string, out: DeclaredPost[] = []): DeclaredPost[] {
  if (source.length > MAX_SCRIPT_CHARS) return out;
  let root: Json;
  try {
    root = JSON.parse(source);
  } catch {
    return out;
  }
  const walk = (v: Json, depth: number): void => {
    if (depth > MAX_DEPTH || out.length >= MAX_DECLARED) return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, MAX_DECLARED)) walk(x, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    const type = postType(v['@type']);
    if (type) out.push(declared(v, type));
    for (const k of CHILD_KEYS) if (k in v) walk(v[k], depth + 1);
  };
  walk(root, 0);
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…' };

/**
 * The declared text as comparable words: markup and entities undone, lower case, letters and digits
 * only. A text cut short by the page ("…" at its end) loses its last, possibly partial, word.
 */
export function comparableWords(text: string): string[] {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (m, e: string) =>
      e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16) || 32) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1)) || 32) : (ENTITIES[e.toLowerCase()] ?? ' '),
    );
  const words = plain.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (/(…|\.\.\.)\s*$/.test(plain)) words.pop();
  return words;
}
