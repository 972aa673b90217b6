/**
 * The thread's opening post, which many engines draw unlike its replies: the question above the
 * answers, the story above its comments, the topic above the replies (a div.ItemDiscussion over
 * li.ItemComment, a div.thing.link over div.thing.comment). The repeated-block reader finds the
 * replies only; this looks just before them for one block built like them: its author line the same
 * kind of element (tag and class) at the same depth below the block as in the replies, and its own
 * words. A block holding the page's title (h1) is the article the comments are about, not an opening
 * post: blogs put the title in the article, forums above the thread.
 */
import { paragraphProse, TITLED_PROSE, verdict } from './blocks';
import { PROFILE_HREF } from './gate';
import { matches, queryAll } from './match';
import { authorOf, AUTHORISH, bodyOf, type Author } from './parts';
import { signature, STATE } from './signature';

/** How far up from the first reply, and how many siblings before it at each level, to look. */
const LEVELS = 5;
const SIBLINGS = 4;
/** Author-like elements tried in all: the look stays cheap on any page. */
const BUDGET = 60;

/** An author element's kind: tag and first stable class ("A.Username", "SPAN.bbp-author-name"). */
function kindOf(el: Element): string {
  const cls = (el.getAttribute('class') ?? '').split(/\s+/).find((t) => t && !/\d/.test(t) && !STATE.test(t));
  return `${el.tagName}.${cls ?? ''}`;
}

/** The block's own author is the element found, or of its kind, or printed in the same author line (a name beside its avatar link). */
function sameAuthorLine(own: Element, found: Element): boolean {
  return own === found || kindOf(own) === kindOf(found) || (own.parentElement !== null && own.parentElement === found.parentElement);
}

/**
 * The block's author line holds the name element found (a by-line div around the replies' kind of name
 * link), or the reverse; and the block's words are apart from that line, as a post's are: a notice
 * that names the last poster inside its sentence ("last updated by X.") is no post.
 */
function holdsAuthorLine(block: Element, sig: string, own: Author, found: Element): boolean {
  if (!own.el.contains(found) && !found.contains(own.el)) return false;
  const body = bodyOf(block, sig, own);
  return body !== block && !body.contains(own.el);
}

/** Named by the replies' own kind of name element, linking to a member's page. */
function ownedByMember(own: { el: Element; href: string | null }, found: Element): boolean {
  return own.href !== null && PROFILE_HREF.test(own.href) && sameNamedKind(own.el, found);
}

/** The same kind of name element, and a kind with a class of its own (a bare link is any link). */
function sameNamedKind(own: Element, found: Element): boolean {
  const kind = kindOf(found);
  return !kind.endsWith('.') && kindOf(own) === kind;
}

function depthBelow(el: Element, block: Element): number {
  let d = 0;
  for (let a: Element | null = el; a && a !== block; a = a.parentElement) d += 1;
  return d;
}

/** What the replies' author lines look like: their kinds, and how deep each sits below its post. */
function authorShape(members: readonly Element[], sig: string): Map<string, number> {
  const shape = new Map<string, number>();
  for (const m of members.slice(0, 8)) {
    const a = authorOf(m, sig);
    if (a && m.contains(a.el) && !shape.has(kindOf(a.el))) shape.set(kindOf(a.el), depthBelow(a.el, m));
    // The name element inside the author line too: an opening post may wrap the same name link in a by-line of its own.
    if (a?.nameEl && m.contains(a.nameEl) && !shape.has(kindOf(a.nameEl))) shape.set(kindOf(a.nameEl), depthBelow(a.nameEl, m));
  }
  return shape;
}

/** Reply groups looked at for an opening post of their own (a product page's questions, each above its answers). */
const GROUPS = 50;

/**
 * The opening post of the thread, and of each further group of replies that has one of its own: a
 * Q&A page draws every question above its answers (each question one opening, its answers the
 * replies), a review page each review above its replies. Groups are the replies sharing a parent;
 * nested replies find their parent among the members and add nothing. In document order.
 */
export function openingPosts(members: readonly Element[], sig: string): Element[] {
  const shape = authorShape(members, sig);
  if (shape.size === 0) return [];
  const groups: Element[] = [];
  const parents = new Set<Element | null>();
  for (const m of members) {
    if (parents.has(m.parentElement)) continue;
    parents.add(m.parentElement);
    groups.push(m);
    if (groups.length >= GROUPS) break;
  }
  const memberSet = new Set(members);
  const out: Element[] = [];
  for (const first of groups) {
    // Replies right after a post (Drupal's div.indented after its comment) answer that post: no opening of their own.
    if (groups.length > 1 && followsPost(first, memberSet)) continue;
    const found = openingBefore(first, members, sig, shape);
    // A block inside a post is part of that post (a nested reply's parent words), not an opening.
    if (!found || insideAny(found, memberSet)) continue;
    if (!out.some((o) => o === found || o.contains(found) || found.contains(o))) out.push(found);
  }
  return out;
}

/** The group's container (or the reply itself) comes right after a post, or sits inside one. */
function followsPost(first: Element, members: Set<Element>): boolean {
  for (let level: Element | null = first, i = 0; level && i < LEVELS; level = level.parentElement, i++) {
    const prev = level.previousElementSibling;
    if (prev && members.has(prev)) return true;
    if (level !== first && members.has(level)) return true;
  }
  return false;
}

function insideAny(el: Element, members: Set<Element>): boolean {
  for (let a = el.parentElement, i = 0; a && i < 60; a = a.parentElement, i++) if (members.has(a)) return true;
  return false;
}

/** The thread's one opening post (the first group's). */
export function openingPost(members: readonly Element[], sig: string): Element | null {
  const first = members[0];
  if (!first) return null;
  const shape = authorShape(members, sig);
  if (shape.size === 0) return null;
  return openingBefore(first, members, sig, shape);
}

function openingBefore(first: Element, members: readonly Element[], sig: string, shape: Map<string, number>): Element | null {
  let tried = 0;
  for (let level: Element | null = first, i = 0; level && i < LEVELS; level = level.parentElement, i++) {
    let sib = level.previousElementSibling;
    for (let k = 0; sib && k < SIBLINGS; sib = sib.previousElementSibling, k++) {
      const authors = matches(sib, AUTHORISH) ? [sib] : [];
      for (const a of queryAll(sib, AUTHORISH)) {
        if (authors.length >= BUDGET) break;
        authors.push(a);
      }
      for (const a of authors) {
        if (++tried > BUDGET) return null;
        const depth = shape.get(kindOf(a));
        if (depth === undefined) continue;
        // Never above the sibling looked at: an opening post whose name sits less deep than the replies' is that sibling.
        let block: Element | null = a;
        for (let d = 0; block && d < depth && block !== sib; d++) block = block.parentElement;
        // The block at the replies' depth, else the wrapper around it inside this sibling: a story's
        // by-line block and its text often sit side by side in the story's item (li.story > div.byline-part + div.text).
        for (let up: Element | null = block, k = 0; up && k < LEVELS; up = up === sib ? null : up.parentElement, k++) {
          if (up.contains(first)) break;
          const titled = up.getElementsByTagName('h1').length > 0;
          const s = signature(up);
          if (!s || members.includes(up)) {
            if (titled) break;
            continue;
          }
          const own = authorOf(up, s);
          // A block holding the page's title is the article the comments are about, unless its writer is
          // named by the very element, class and all, that names each reply's writer, as a link to that
          // member's page: a community's entry drawn by the thread's own by-line component (a blog's
          // article names its owner, often unlinked, in a by-line of its own), with paragraphs of words of
          // its own (a thread's title bar names its last poster the same way).
          if (titled && !(own && ownedByMember(own, a) && paragraphProse(up) >= TITLED_PROSE)) break;
          if (own && (sameAuthorLine(own.el, a) || holdsAuthorLine(up, s, own, a)) && verdict(up, s, { titled: true }) === 'post') return up;
        }
      }
    }
  }
  return null;
}
