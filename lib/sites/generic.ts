import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import type { Post } from '../types';
import { $, $$, absoluteUrl, attrOf, editableIn, isoTime, visibleText } from './dom';
import { buildPost } from './post';
import { findPostType, POST_BUDGET } from './reader/blocks';
import { mayHoldPosts } from './reader/gate';
import { openingPosts } from './reader/opening';
import { trackerDescription, type Description } from './reader/description';
import { acceptPosts, authorOf, bodyOf, forgetFoundAuthors, onlyActorLine, onlyChangeRows, onlyFieldChanges, permalinkOf, QUOTE, timeOf, wordsOf } from './reader/parts';
import { drawnPosts } from './reader/rendered';
import { signature } from './reader/signature';
import { declaredPosts, ITEM_CSS, ITEM_PARTS, shownWords, typedItems, type DeclaredReading, type ShownPost } from './reader/structured';

/**
 * The reader for blogs and forums no adapter knows. First what the page says it is (schema.org
 * Comment/DiscussionForumPosting/Answer/Review microdata, microformats h-entry comments); else the
 * repeated blocks that share structure and each carry an author and words (lib/sites/reader).
 * Most pages have no posts, so a cheap gate runs before any walk, and every walk has a budget.
 */
const F_BLOG = 'generic/plain-blog-comments.html';
const F_MICRODATA = 'generic/microdata-comments.html';
const F_MICROFORMATS = 'generic/microformats-comments.html';
const F_HENTRY = 'generic/structured/h-entry-stream.html';

const selectors = {
  /** schema.org post types in microdata or RDFa (lib/sites/reader/structured.ts). */
  microdata: { css: ITEM_CSS, checkedAgainst: F_MICRODATA },
  /** Microformats comments: an h-entry or h-cite inside another h-entry, or marked p-comment. */
  microformats: { css: '.h-entry .h-entry, .h-entry .h-cite, .p-comment', checkedAgainst: F_MICROFORMATS },
  /** Standalone h-entry posts (a stream of notes, comments without an outer h-entry). */
  hEntry: { css: '.h-entry', checkedAgainst: F_HENTRY },
  microAuthor: { css: `${ITEM_PARTS.author}, .p-author`, checkedAgainst: F_MICRODATA },
  microName: { css: `${ITEM_PARTS.name}, .p-name`, checkedAgainst: F_MICRODATA },
  microText: { css: `${ITEM_PARTS.text}, .e-content, .p-content`, checkedAgainst: F_MICRODATA },
  microTime: { css: `${ITEM_PARTS.time}, time.dt-published, .dt-published`, checkedAgainst: F_MICRODATA },
  microUrl: { css: `${ITEM_PARTS.url}, a.u-url`, checkedAgainst: F_MICRODATA },
  gateAuthor: { css: '.author', checkedAgainst: F_BLOG },
  composer: { css: '#respond textarea, #comment, form[id*="comment"] textarea, .comment-form textarea', checkedAgainst: F_BLOG },
} as const;

const GATE_IDS = ['comments', 'comment-list', 'commentlist', 'respond', 'comment-section', 'replies'];

/** Hashed id lookups first (free) when the whole page is read, then one budgeted walk that stops at the second author-like mark. */
function hasGate(root: ParentNode, doc: Document | null, whole: boolean): boolean {
  if (whole && doc && typeof doc.getElementById === 'function') {
    for (const id of GATE_IDS) if (doc.getElementById(id)) return true;
  }
  return mayHoldPosts(root);
}

/**
 * Whether root is the whole page: the document, or its <body> or <html> element (the content
 * script's scanner starts at <body>; `npm run extract` reads the document). The page-wide looks —
 * the comment-section ids, JSON-LD, the opening post — belong to a whole-page read, not to a
 * subtree added later.
 */
function isWholePage(root: ParentNode, doc: Document | null): boolean {
  return doc !== null && (root === doc || root === doc.body || root === doc.documentElement);
}

type Mode =
  | { kind: 'micro' }
  | { kind: 'block'; sig: string }
  | { kind: 'declared'; post: ShownPost; reading: DeclaredReading }
  | { kind: 'description'; sig: string; description: Description };

/** How each element findPosts returned is to be read. */
const modes = new WeakMap<Element, Mode>();
/** Signatures of the replies of another kind found on a document (left out of their parents' words). */
const replySigs = new WeakMap<Document, string[]>();
/** The post type learned on a document, so comments added later (a subtree) are read the same way. */
const learned = new WeakMap<Document, string>();

/** Items typed as posts (microdata, RDFa), else microformats comments, else standalone h-entries. */
function structuredPosts(root: ParentNode): Element[] {
  const items = typedItems(root, POST_BUDGET);
  if (items.length > 0) return items;
  // Microformats only where the class index says there are any (free), not by a descendant-selector scan.
  const byClass = (root as Element).getElementsByClassName?.bind(root as Element);
  if (!byClass || (byClass('h-entry').length === 0 && byClass('p-comment').length === 0)) return [];
  const comments = $$(root, selectors.microformats.css);
  if (comments.length > 0) return comments.slice(0, POST_BUDGET);
  // h-entries that hold no other h-entry: the notes of a stream; an article holding its comments is not one.
  return $$(root, selectors.hEntry.css).filter((e) => !$(e, selectors.hEntry.css)).slice(0, POST_BUDGET);
}

/** Structured data only counts when its items carry the author and the words (some engines mark the item but keep the author elsewhere). */
function carriesPosts(items: Element[]): boolean {
  return items.slice(0, 5).some((el) => $(el, selectors.microAuthor.css) && $(el, selectors.microText.css));
}

function findPostsUnsafe(root: ParentNode): Element[] {
  forgetFoundAuthors();
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  const known = doc ? learned.get(doc) : undefined;
  const whole = isWholePage(root, doc);
  // A subtree added after load: posts of the type already learned on this page.
  if (known && !whole) {
    const tag = tagOfSignature(known);
    const found = [...(signature(root as Element) === known ? [root as Element] : []), ...$$(root, tag).filter((e) => signature(e) === known)];
    for (const el of found) modes.set(el, { kind: 'block', sig: known });
    acceptPosts(known, found);
    return found.slice(0, POST_BUDGET);
  }
  const jsonLd = whole && $(doc!, 'script[type="application/ld+json" i]') !== null;
  const gate = hasGate(root, doc, whole);
  if (!jsonLd && !gate) return [];
  const micro = structuredPosts(root);
  if (micro.length > 0 && carriesPosts(micro)) {
    for (const el of micro) modes.set(el, { kind: 'micro' });
    return micro;
  }
  const reading = jsonLd ? declaredPosts(doc!) : null;
  const type = gate ? findPostType(root) : null;
  // The page's own declaration, when it accounts for the posts its structure shows.
  if (reading && reading.shown.length > 0 && (!type || reading.shown.length >= type.members.length * 0.8)) {
    for (const post of reading.shown) modes.set(post.el, { kind: 'declared', post, reading });
    return reading.shown.map((p) => p.el);
  }
  if (!type) return [];
  if (doc && whole) learned.set(doc, type.sig);
  for (const el of type.members) modes.set(el, { kind: 'block', sig: type.sig });
  // Replies drawn unlike their parents, nested inside them: read as posts of their own kind, and left
  // out of their parent's words.
  const replies = (type.replies ?? []).flatMap((r) => r.members.map((el) => [el, r.sig] as const));
  for (const [el, sig] of replies) modes.set(el, { kind: 'block', sig });
  if (doc && replies.length > 0) replySigs.set(doc, [...new Set(replies.map(([, s]) => s))]);
  const all = replies.length > 0 ? inDocumentOrder([...type.members, ...replies.map(([el]) => el)]).slice(0, POST_BUDGET) : type.members;
  // On the whole page, the opening posts drawn unlike their replies (lib/sites/reader/opening.ts).
  const openings = whole ? openingPosts(type.members, type.sig).filter((o) => !all.includes(o)) : [];
  const kept: Element[] = [];
  for (const opening of openings) {
    const openingSig = signature(opening);
    if (!openingSig) continue;
    modes.set(opening, { kind: 'block', sig: openingSig });
    kept.push(opening);
  }
  // A tracker's description, headed apart and its writer named elsewhere, above every post found.
  const description = whole && all[0] ? trackerDescription(all[0]) : null;
  const found = [...kept, ...all];
  if (description && found.every((m) => m !== description.el && !m.contains(description.el) && !description.el.contains(m) && description.el.compareDocumentPosition(m) & 4)) {
    modes.set(description.el, { kind: 'description', sig: type.sig, description });
    kept.unshift(description.el);
  }
  if (kept.length === 0) return all;
  return inDocumentOrder([...kept, ...all]).slice(0, POST_BUDGET);
}

/** Ancestors looked at per post for a post of another kind around it. */
const COPY_DEPTH = 12;
/** Nested pairs of one kind read before a kind with no copies among them is passed over. */
const COPY_SAMPLE = 4;

/**
 * A post found twice, one block inside another of a different kind (a comment's box and the wrapper
 * that holds all it shows): one post, read once. Only such pairs are read here, a few of each kind,
 * and one goes only when its writer and words are the other's; a reply nested in its parent (same
 * kind, or words of its own) stays a post of its own.
 */
function withoutNestedCopies(found: Element[]): Element[] {
  if (found.length < 2) return found;
  const set = new Set(found);
  const url = new URL(found[0]!.ownerDocument.URL || 'https://invalid.example/');
  const drop = new Set<Element>();
  // Judged per pair of kinds: a kind whose first pairs are a post and its reply is not read again.
  const kinds = new Map<string, { judged: number; copies: number }>();
  for (const el of found) {
    let outer: Element | null = null;
    for (let a = el.parentElement, i = 0; a && i < COPY_DEPTH && !outer; a = a.parentElement, i++) if (set.has(a)) outer = a;
    if (!outer || drop.has(outer)) continue;
    const [outerSig, innerSig] = [signature(outer), signature(el)];
    if (outerSig === innerSig) continue;
    const key = `${outerSig} ${innerSig}`;
    const kind = kinds.get(key) ?? { judged: 0, copies: 0 };
    kinds.set(key, kind);
    if (kind.judged >= COPY_SAMPLE && kind.copies === 0) continue;
    kind.judged += 1;
    const inner = readPost(el, url);
    const around = readPost(outer, url);
    if (!inner || !around || inner.author !== around.author || inner.text !== around.text) continue;
    kind.copies += 1;
    // Read where the post's own address is found: the outer box, unless only the wrapper names it.
    drop.add(inner.permalink && !around.permalink ? outer : el);
  }
  return drop.size === 0 ? found : found.filter((el) => !drop.has(el));
}

function inDocumentOrder(els: Element[]): Element[] {
  return els.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* b follows */ ? -1 : 1));
}

/**
 * Never throws into the page: happy-dom and old engines overflow their stacks on 5,000-deep markup.
 * On a rendered page, a post the page hides is left out (lib/sites/reader/rendered.ts).
 */
function findPosts(root: ParentNode): Element[] {
  try {
    return withoutNestedCopies(drawnPosts(root, findPostsUnsafe(root)));
  } catch {
    return [];
  }
}

/**
 * A post's own address, or null: the page's own address (the thread, which some engines write as
 * every comment's url) names no post, and would make every post on the page one.
 */
function postLink(href: string | null | undefined, pageUrl: URL): string | null {
  const abs = absoluteUrl(href, pageUrl);
  if (!abs) return null;
  // A fragment of this page names a post: no second parse needed.
  if (href!.startsWith('#') && href!.length > 1) return abs;
  const u = new URL(abs);
  return u.hash.length <= 1 && u.origin + u.pathname === pageUrl.origin + pageUrl.pathname ? null : abs;
}

function readMicro(el: Element, pageUrl: URL): Post | null {
  const POST = `${selectors.microdata.css}, ${selectors.microformats.css}, ${selectors.hEntry.css}`;
  // The first match that belongs to this item, not to a reply nested inside it.
  const inItem = (css: string) => $$(el, css).find((m) => m.closest(POST) === el) ?? null;
  const authorEl = inItem(selectors.microAuthor.css);
  const nameEl = $(authorEl, selectors.microName.css) ?? authorEl;
  const bodyEl = inItem(selectors.microText.css);
  // The item's own url, not its author's (a Person item nested in it has a url of its own).
  const ownUrl = $$(el, selectors.microUrl.css).find((m) => m.closest(POST) === el && !m.closest(selectors.microAuthor.css)) ?? null;
  const linkEl = (el.id && inItem(`a[href$="#${el.id}"]`)) || ownUrl;
  const href = linkEl?.getAttribute('href') ?? linkEl?.getAttribute('content') ?? (el.id ? `#${el.id}` : null);
  const timeEl = inItem(selectors.microTime.css);
  return buildPost({
    platform: 'generic',
    nativeId: el.id || null,
    scope: pageUrl.hostname,
    // Engines often write the name as <meta itemprop="name" content="...">: no visible text.
    author: authorEl?.getAttribute('content') || nameEl?.getAttribute('content') || visibleText(nameEl),
    handle: absoluteUrl(attrOf(authorEl, 'a[href]', 'href') || authorEl?.getAttribute('href'), pageUrl) ?? '',
    text: visibleText(bodyEl, { skip: `${POST}, ${QUOTE}` }),
    quoted: bodyEl ? $$(bodyEl, QUOTE).filter((q) => !q.parentElement?.closest(QUOTE)).map((q) => visibleText(q)).join(' ') : '',
    permalink: postLink(href, pageUrl),
    time: isoTime(timeEl?.getAttribute('datetime') ?? timeEl?.getAttribute('content')),
  });
}

/** A full date and time with its zone: a bare date, in an unknown zone, is not a time. */
function zonedTime(v: string | null): string | null {
  return v && /\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(v.trim()) ? isoTime(v.trim()) : null;
}

/** A post declared in JSON-LD: author, address and time as declared; words as the page shows them. */
function readDeclared(post: ShownPost, reading: DeclaredReading, pageUrl: URL): Post | null {
  const { text, quoted } = shownWords(post, reading);
  return buildPost({
    platform: 'generic',
    nativeId: post.el.id || null,
    scope: pageUrl.hostname,
    author: post.item.author,
    handle: absoluteUrl(post.item.authorUrl, pageUrl) ?? '',
    text,
    quoted,
    permalink: postLink(post.item.url, pageUrl),
    time: zonedTime(post.item.time),
  });
}

function readBlock(el: Element, sig: string, pageUrl: URL): Post | null {
  const author = authorOf(el, sig);
  if (!author) return null;
  const body = bodyOf(el, sig, author);
  // A tracker's entry that only records field changes says nothing of its writer's.
  if (onlyFieldChanges(body, el) || onlyChangeRows(body, el)) return null;
  // Nested replies carry the same signature, or another kind's; their words stay theirs. Matched by tag, then checked.
  const others = (replySigs.get(el.ownerDocument) ?? []).filter((s) => s !== sig);
  const nestedSigs = [sig, ...others].filter((s) => holdsSignature(el, s));
  const nested = nestedSigs.length > 0 ? nestedSigs.map(nestedSelector).join(', ') : null;
  const { text, quoted } = wordsOf(body, sig, nested, el, author);
  // A timeline's event, not a post: its only words are the line naming its actor.
  if (onlyActorLine(text, author, el)) return null;
  return buildPost({
    platform: 'generic',
    nativeId: el.id || null,
    scope: pageUrl.hostname,
    author: author.name,
    handle: absoluteUrl(author.href, pageUrl) ?? '',
    text,
    quoted,
    permalink: postLink(permalinkOf(el, sig), pageUrl),
    time: timeOf(el, sig),
  });
}

/** A tracker's description: its words as shown, its writer as the page names them elsewhere. */
function readDescription(d: Description, sig: string, pageUrl: URL): Post | null {
  const { text, quoted } = wordsOf(d.el, sig, null);
  return buildPost({
    platform: 'generic',
    nativeId: d.el.id || null,
    scope: pageUrl.hostname,
    author: d.author,
    handle: absoluteUrl(d.href, pageUrl) ?? '',
    text,
    quoted,
    permalink: null,
    time: null,
  });
}

/** A signature's tag ("LI.comment" → "LI"): what comes before its class, id, cell count or class list. */
const tagOfSignature = (sig: string): string => sig.split(/[.#~%]/)[0]!;

/**
 * Whether el holds a block of signature sig. Blocks are found by tag; the class or id the signature
 * names is looked for in the attribute before the signature is worked out (most blocks inside a post
 * are of other kinds).
 */
function holdsSignature(el: Element, sig: string): boolean {
  const tag = tagOfSignature(sig);
  const rest = sig.slice(tag.length);
  const token = rest.startsWith('.') ? rest.slice(1) : rest.startsWith('%') ? rest.slice(1).split(' ')[0]! : null;
  const blocks = el.getElementsByTagName(tag);
  for (let i = 0; i < blocks.length; i++) {
    const e = blocks[i]!;
    if (e === el) continue;
    if (token !== null && !(e.getAttribute('class') ?? '').includes(token)) continue;
    if (rest.startsWith('#') && !e.id) continue;
    if (signature(e) === sig) return true;
  }
  return false;
}

/** A CSS selector for elements of a signature ("LI.comment" → "li.comment", "DIV#post_" → 'div[id^="post_"]'). */
function nestedSelector(sig: string): string {
  const upper = tagOfSignature(sig);
  const [tag, rest] = [upper.toLowerCase(), sig.slice(upper.length)];
  // A utility-class block by every class it carries.
  if (rest.startsWith('%')) return tag + rest.slice(1).split(' ').map((t) => `.${CSS_escape(t)}`).join('');
  // A bare row by its cell count: CSS cannot say "rows of N cells" without :has, so a row nested in a post is matched by its cells.
  if (rest.startsWith('~')) return `${tag}:has(> :nth-child(${rest.slice(1)}):last-child)`;
  if (rest.startsWith('.')) return `${tag}.${CSS_escape(rest.slice(1))}`;
  if (rest.startsWith('#')) return `${tag}[id^="${rest.slice(1).replace(/"/g, '')}"]`;
  return tag;
}

function CSS_escape(s: string): string {
  return s.replace(/[^\w-]/g, (c) => `\\${c}`);
}

function readPost(el: Element, pageUrl: URL): Post | null {
  try {
    const mode = modes.get(el);
    if (mode?.kind === 'block') return readBlock(el, mode.sig, pageUrl);
    if (mode?.kind === 'declared') return readDeclared(mode.post, mode.reading, pageUrl);
    if (mode?.kind === 'description') return readDescription(mode.description, mode.sig, pageUrl);
    if (mode?.kind === 'micro' || el.matches(`${selectors.microdata.css}, ${selectors.microformats.css}, ${selectors.hEntry.css}`)) return readMicro(el, pageUrl);
    return null;
  } catch {
    return null;
  }
}

/** What Frontline knows of generic before reading a post (lib/sites/descriptor.ts). */
export const genericSite: SiteDescriptor = { id: 'generic', platform: 'generic', hosts: [], gate: { ids: ['comments', 'comment-list'], classes: ['comment', 'comments', 'post-message'] } };

export const genericAdapter = defineAdapter(genericSite, {
  // Never chosen by host: readPostsOnPage falls back to it.
  selectors,
  findPosts,
  readPost,
  findComposer: (_el, doc) => editableIn(doc, selectors.composer.css),
});
