/**
 * Finding the posts of a page no adapter knows: the repeated blocks that share structure, each with
 * an author and words of its own. Pure DOM reads (no layout), every walk budgeted.
 *
 * How: every element gets a signature (tag + first stable class, or tag + id pattern); signatures
 * that repeat among siblings are candidate post types; each candidate is scored on a sample of its
 * members (author found, own words, not link lists, not in navigation/sidebars/footers), and the
 * best one wins if it is convincing. Nothing convincing: no posts, said honestly.
 */
import { isTeaser, looksWritten } from './evidence';
import { foldWhitespace } from '../dom';
import { acceptPosts, acceptReplies, authorOf, bodyOf, EDIT_NOTE, headOf, inBadRegion, NOT_WORDS, QUOTE } from './parts';
import { closest, matches } from './match';
import { signature, STATE } from './signature';

/** Elements looked at per page, whatever its size: a 20,000-block page is read as its first part. */
export const ELEMENT_BUDGET = 12_000;
/** Members sampled per candidate: enough to tell posts from a link list, cheap on a 5,000-post page. */
const SAMPLE = 24;
/** At most this many posts per page (a page of 20,000 blocks is not a conversation we can answer). */
export const POST_BUDGET = 600;

export interface PostType {
  sig: string;
  members: Element[];
  score: number;
  /** Replies drawn unlike the posts they answer, nested inside them (comments on an answer, a reply list under a comment). */
  replies?: { sig: string; members: Element[] }[];
}

const WORDS_MIN = 12;

/** Words of an element, cheaply: textContent length minus its links' text (link density). */
function textStats(el: Element): { text: number; links: number } {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  let links = 0;
  const anchors = el.getElementsByTagName('a');
  for (let i = 0; i < anchors.length && i < 200; i++) links += (anchors[i]!.textContent ?? '').trim().length;
  return { text, links };
}

/** What a sampled member looks like: a post, a block of words without an author, or too few words to tell. */
type Verdict = 'post' | 'other' | 'wordless';

const LINK_SHARE_MAX = 0.45;
/** Fewer own words than this says nothing either way: separators, "back to top" rows, header rows. */
const TELLS_MIN = 25;

/** Prose an opening post titled by a headline link carries beyond its title: a teaser's summary is one line. */
export const TITLED_PROSE = 120;

/** Characters of paragraph text outside links: what a story says under its title. */
export function paragraphProse(m: Element): number {
  let n = 0;
  const ps = m.getElementsByTagName('p');
  for (let i = 0; i < ps.length && i < 30; i++) {
    const p = ps[i]!;
    let links = 0;
    const as = p.getElementsByTagName('a');
    for (let j = 0; j < as.length && j < 20; j++) links += (as[j]!.textContent ?? '').trim().length;
    n += foldWhitespace(p.textContent ?? '').length - links;
  }
  return n;
}

/**
 * `titled`: the block is looked at as a thread's opening post (just before its replies), where a
 * headline link first is the story's own title when paragraphs of prose follow it.
 */
export function verdict(m: Element, sig: string, opts: { titled?: boolean } = {}): Verdict {
  if (inBadRegion(m)) return 'other';
  // Cheapest tests first: words and link density, then the author scan.
  const { text, links } = textStats(m);
  if (text - links < TELLS_MIN) return 'wordless';
  // A related-articles or recent-comments list is mostly link text; a post is mostly words.
  if (links > text * LINK_SHARE_MAX) return 'other';
  const author = authorOf(m, sig);
  if (!author || text - links - author.name.length < WORDS_MIN) return 'other';
  // A related story or suggested topic opens with a headline link; a post opens with who wrote it.
  if (isTeaser(m, author.el) && !(opts.titled && paragraphProse(m) >= TITLED_PROSE)) return 'other';
  // Member cards, writer boxes and leaderboard rows have a name and prose too; a post says when it
  // was written or where it lives (a definition-list entry says so in its <dt>).
  const head = headOf(m);
  return looksWritten(m, sig) || (head !== null && looksWritten(head)) ? 'post' : 'other';
}

/**
 * Score one candidate group on a sample of its members; 0 when it does not look like posts. Members
 * with too few words to tell (separator rows, "back to top" lines between posts) count neither way.
 */
function scoreType(sig: string, members: Element[]): number {
  const step = Math.max(1, Math.floor(members.length / SAMPLE));
  let sampled = 0;
  let counted = 0;
  let good = 0;
  let timed = 0;
  for (let i = 0; i < members.length && sampled < SAMPLE; i += step) {
    const m = members[i]!;
    sampled += 1;
    const v = verdict(m, sig);
    if (v === 'wordless') continue;
    counted += 1;
    if (v !== 'post') continue;
    good += 1;
    if (m.querySelector('time, [datetime], [data-time], [data-timestamp]')) timed += 1;
  }
  if (counted === 0 || good < Math.min(2, members.length) || good / counted < 0.6) return 0;
  // Names that say "post" or "comment" and machine-readable times are what posts look like.
  const named = /comment|post|message|reply|entry|answer|review|thread|item|note|response|discussion/i.test(sig) ? 1.25 : 1;
  const withTime = 1 + 0.5 * (timed / good);
  return Math.round((members.length * good) / sampled) * named * withTime;
}

/** Where a block sits: its parent's tag, up to the first ancestor with a class or id ("TBODY<TABLE.forumline"). */
function placeOf(el: Element): string {
  const parts: string[] = [];
  let a = el.parentElement;
  for (let i = 0; a && i < 3; i++, a = a.parentElement) {
    const cls = (a.getAttribute('class') ?? '').split(/\s+/).find((t) => t && !/\d/.test(t) && !STATE.test(t));
    if (cls) return [...parts, `${a.tagName}.${cls}`].join('<');
    if (a.id) return [...parts, `${a.tagName}#${a.id.replace(/\d+/g, '')}`].join('<');
    parts.push(a.tagName);
  }
  return parts.join('<');
}

/**
 * The chosen group and the blocks of its kind tied to it: anything inside the thread (under the
 * members' parent, or a member: replies nested in a post or in a container beside it) and the
 * members' own ancestors of that kind (the parent of a nested reply). Only blocks that read as
 * posts join; a card grid or a rail elsewhere on the page does not.
 */
function threadOf(group: Element[], all: Element[], sig: string): Element[] {
  const chosen = new Set(group);
  const isPost = (el: Element) => verdict(el, sig) === 'post';
  for (let round = 0; round < 6; round++) {
    const within = new Set<Element>();
    const ancestors = new Set<Element>();
    for (const m of chosen) {
      within.add(m);
      if (m.parentElement) within.add(m.parentElement);
      for (let a = m.parentElement, i = 0; a && i < 40; a = a.parentElement, i++) ancestors.add(a);
    }
    let added = false;
    for (const el of all) {
      if (chosen.has(el)) continue;
      let inside = false;
      for (let a = el.parentElement, i = 0; a && i < 40 && !inside; a = a.parentElement, i++) inside = within.has(a);
      if ((inside || ancestors.has(el)) && isPost(el)) {
        chosen.add(el);
        added = true;
      }
    }
    if (!added) break;
  }
  return all.filter((el) => chosen.has(el));
}

/**
 * The page's post type, or null. `members` are the winning group (one signature in one place: a
 * thread, not the card grid beside it) and the posts of its thread, in document order, cut to POST_BUDGET.
 */
export function findPostType(root: ParentNode, explain?: (sig: string, members: number, score: number) => void): PostType | null {
  const all = (root as Element | Document).getElementsByTagName?.('*');
  if (!all) return null;
  const n = Math.min(all.length, ELEMENT_BUDGET);
  // Signatures repeated among siblings; and every element of each signature, in order.
  const bySig = new Map<string, Element[]>();
  const repeated = new Set<string>();
  // Each element's signature once: the sibling look-back below asks for it again.
  const sigs = new Map<Element, string | null>();
  const sigOf = (el: Element): string | null => {
    let s = sigs.get(el);
    if (s === undefined) sigs.set(el, (s = signature(el)));
    return s;
  };
  for (let i = 0; i < n; i++) {
    const el = all[i]!;
    const sig = sigOf(el);
    if (!sig) continue;
    let list = bySig.get(sig);
    if (!list) bySig.set(sig, (list = []));
    if (list.length < POST_BUDGET) list.push(el);
    // Repeated among siblings: one of the few before it (anchors, ads or dividers sit between posts).
    if (!repeated.has(sig)) {
      let prev = el.previousElementSibling;
      for (let k = 0; prev && k < 4; k++, prev = prev.previousElementSibling) {
        if (sigOf(prev) === sig) {
          repeated.add(sig);
          break;
        }
      }
    }
  }
  let best: PostType | null = null;
  for (const sig of repeated) {
    const members = bySig.get(sig)!;
    if (members.length < 2) continue;
    // All blocks of the signature first; when they do not read as posts together (comments mixed
    // with the article above them and the related cards below), each place they sit in on its own.
    let score = scoreType(sig, members);
    explain?.(sig, members.length, score);
    let inPlaces = members;
    if (score <= 0) {
      const byPlace = new Map<string, Element[]>();
      for (const m of members) {
        const place = placeOf(m);
        let g = byPlace.get(place);
        if (!g) byPlace.set(place, (g = []));
        g.push(m);
      }
      const kept = new Set<Element>();
      for (const [place, group] of byPlace) {
        if (group.length < 2 || group.length === members.length) continue;
        const s = scoreType(sig, group);
        explain?.(`${sig} in ${place}`, group.length, s);
        if (s <= 0) continue;
        for (const m of group) kept.add(m);
        score += s;
      }
      inPlaces = members.filter((m) => kept.has(m));
    }
    if (score <= 0) continue;
    if (!best || score > best.score || (score === best.score && inPlaces[0]!.contains(best.members[0]!))) {
      best = { sig, members: inPlaces, score };
    }
  }
  // Two posts at least: one block with a name and words is as likely an author box as a post.
  if (!best || best.score < 2) return null;
  const members = threadOf(best.members, bySig.get(best.sig)!, best.sig);
  acceptPosts(best.sig, members);
  const replies = [...repliesOfAnotherKind(members, best.sig, sigs), ...repliesBeside(members, best.sig, sigs)];
  if (replies.length > 0) acceptReplies(replies.flatMap((r) => r.members));
  return { ...best, members, ...(replies.length > 0 ? { replies } : {}) };
}

/** Ancestors looked at per element, and blocks judged, when looking for replies of another kind. */
const REPLY_DEPTH = 12;
const REPLY_JUDGED = 64;
/** Blocks of one kind judged in full before the kind counts as replies. */
const REPLY_SAMPLE = 8;

/**
 * Replies drawn unlike the posts they answer and nested inside them: comments under an answer, a
 * reply list under a comment. Blocks of another signature inside the posts that read as posts on
 * their own (a name, words, a time or own link), most of their kind doing so; never a quote.
 */
function repliesOfAnotherKind(members: readonly Element[], sig: string, sigs: Map<Element, string | null>): { sig: string; members: Element[] }[] {
  const memberSet = new Set(members);
  // A block holding posts of the chosen kind is a thread's container (a reply list), not a reply.
  const holders = new Set<Element>();
  for (const m of members) for (let a = m.parentElement, i = 0; a && i < 40 && !holders.has(a); a = a.parentElement, i++) holders.add(a);
  // Blocks of other kinds inside the posts, each with the post it sits in; judged only below.
  const inside = new Map<string, Array<[Element, Element]>>();
  for (const [el, s] of sigs) {
    if (!s || s === sig || memberSet.has(el) || holders.has(el)) continue;
    let a = el.parentElement;
    for (let i = 0; a && i < REPLY_DEPTH && !memberSet.has(a); i++) a = a.parentElement;
    if (!a || !memberSet.has(a)) continue;
    let list = inside.get(s);
    if (!list) inside.set(s, (list = []));
    if (list.length < POST_BUDGET) list.push([el, a]);
  }
  // A wrapper inside a post that holds the post's own author line or its words is the post's inside, not a reply.
  const parts = new Map<Element, Element[] | null>();
  const ownParts = (m: Element) => {
    if (!parts.has(m)) {
      const author = authorOf(m, sig);
      parts.set(m, author ? [author.el, bodyOf(m, sig, author)] : null);
    }
    return parts.get(m)!;
  };
  /** Whether el is a reply: in full for the sample that decides the kind; past it, the cheap part (the kind is known). */
  const isReply = (el: Element, post: Element, s: string, full: boolean): boolean => {
    // Never a quote, a signature or an "edited by" note inside the post.
    if (closest(el, QUOTE) || matches(el, NOT_WORDS) || EDIT_NOTE.test(foldWhitespace((el.textContent ?? '').slice(0, 80)))) return false;
    if (!full) return authorOf(el, s) !== null;
    const own = ownParts(post);
    if (!own || own.some((p) => p !== post && el.contains(p))) return false;
    return verdict(el, s) === 'post';
  };
  const out: { sig: string; members: Element[] }[] = [];
  let judged = 0;
  for (const [s, els] of inside) {
    if (judged >= REPLY_JUDGED) break;
    const sample = els.slice(0, REPLY_SAMPLE);
    judged += sample.length;
    const sampledPosts = sample.filter(([el, post]) => isReply(el, post, s, true)).map(([el]) => el);
    if (sampledPosts.length === 0 || sampledPosts.length < sample.length * 0.6) continue;
    // Past the sample, each reply is checked too (cheaply), within what is left of the budget (POST_BUDGET in all).
    const rest = els.slice(sample.length, POST_BUDGET);
    const posts = [...sampledPosts, ...rest.filter(([el, post]) => isReply(el, post, s, false)).map(([el]) => el)];
    // The outermost blocks of the kind only: a reply's own wrapper of the same kind is not a second reply.
    const kept = posts.filter((el) => !posts.some((o) => o !== el && o.contains(el)));
    out.push({ sig: s, members: kept });
  }
  return out;
}

/** Sibling blocks judged, in all, when looking for replies drawn beside the posts. */
const BESIDE_JUDGED = 32;

/**
 * Replies drawn unlike the posts and placed between them as siblings, not inside them: a comment
 * under an answer written right after the answer's block (Q&A layouts). Blocks of another signature
 * among the posts' siblings, most of their kind reading as posts on their own (a name, words, a time
 * or own link); each kind judged on a sample, then every block of it checked cheaply.
 */
function repliesBeside(members: readonly Element[], sig: string, sigs: Map<Element, string | null>): { sig: string; members: Element[] }[] {
  const memberSet = new Set(members);
  const parents = new Set<Element>();
  for (const m of members) if (m.parentElement) parents.add(m.parentElement);
  // A block holding posts of the chosen kind is a reply list (Drupal's div.indented after its comment), not a reply.
  const holders = new Set<Element>();
  for (const m of members) for (let a = m.parentElement, i = 0; a && i < 40 && !holders.has(a); a = a.parentElement, i++) holders.add(a);
  // Blocks of other kinds between the first and the last post of each parent (one pass per parent: a
  // block before the first post or after the last is the page's, not the thread's).
  const byKind = new Map<string, Element[]>();
  for (const parent of parents) {
    let pending: Element[] = [];
    let seenPost = false;
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (memberSet.has(c)) {
        if (seenPost) for (const el of pending) addTo(byKind, sigs.get(el) ?? signature(el)!, el);
        pending = [];
        seenPost = true;
        continue;
      }
      if (!seenPost || holders.has(c)) continue;
      const s = sigs.get(c) ?? signature(c);
      if (s && s !== sig && pending.length < POST_BUDGET) pending.push(c);
    }
  }
  const out: { sig: string; members: Element[] }[] = [];
  let judged = 0;
  for (const [s, between] of byKind) {
    if (judged >= BESIDE_JUDGED) break;
    const sample = between.slice(0, REPLY_SAMPLE);
    judged += sample.length;
    const posts = sample.filter((el) => !closest(el, QUOTE) && verdict(el, s) === 'post');
    if (posts.length === 0 || posts.length < sample.length * 0.6) continue;
    const rest = between.slice(sample.length).filter((el) => authorOf(el, s) !== null);
    out.push({ sig: s, members: [...posts, ...rest] });
  }
  return out;
}

function addTo(byKind: Map<string, Element[]>, s: string, el: Element): void {
  let list = byKind.get(s);
  if (!list) byKind.set(s, (list = []));
  if (list.length < POST_BUDGET) list.push(el);
}

