import type { SiteAdapter } from './types';
import { $, $$, absoluteUrl, attrOf, editableIn, isoTime, visibleText } from './dom';
import { buildPost } from './post';

/**
 * Fallback for blogs and forums no adapter knows: schema.org Comment microdata, else repeated
 * li/article items with an author and text inside a comments container. Most pages have no
 * comments at all, so a cheap gate runs before any walk, and every walk has a budget.
 */
const F_BLOG = 'generic/plain-blog-comments.html';
const F_MICRODATA = 'generic/microdata-comments.html';

const selectors = {
  microdata: { css: '[itemtype*="schema.org/Comment"]', checkedAgainst: F_MICRODATA },
  container: {
    css: '#comments, .comments, .comment-list, .commentlist, #comment-list, #comment-section',
    checkedAgainst: F_BLOG,
  },
  item: { css: 'li, article', checkedAgainst: F_BLOG },
  author: {
    css: '[itemprop="author"], .comment-author, .author, .fn, .username, .user-name, [rel="author"], cite',
    checkedAgainst: F_BLOG,
  },
  body: {
    css: '[itemprop="text"], [itemprop="commentText"], .comment-content, .comment-body, .comment-text, .content, .text, .message',
    checkedAgainst: F_BLOG,
  },
  permalink: { css: 'a[href*="#comment"], a[href*="comment-"], [itemprop="url"]', checkedAgainst: F_MICRODATA },
  time: { css: 'time[datetime], [itemprop="dateCreated"][datetime]', checkedAgainst: F_MICRODATA },
  composer: { css: '#respond textarea, #comment, form[id*="comment"] textarea, .comment-form textarea', checkedAgainst: F_BLOG },
} as const;

const GATE_IDS = ['comments', 'comment-list', 'commentlist', 'respond', 'comment-section'];

/** At most this many candidate items are looked at per container: a huge list is not a comment thread. */
const ITEM_BUDGET = 600;
/** Nested replies are posts of their own; their words must not swell their parent's text. */
const ITEM_OR_COMMENT = '[itemtype*="schema.org/Comment"], li, article';
const NESTED = 'ul, ol, .children, .replies, [itemtype*="schema.org/Comment"]';

/**
 * Cheap test for "this page may have comments". Id lookups are hashed (free); then two single-attribute
 * scans, each far cheaper than one grouped selector. Measured in test/unit/sites/generic.test.ts.
 */
function hasGate(root: ParentNode): boolean {
  const doc = root as Document;
  if (doc.nodeType === 9 && typeof doc.getElementById === 'function') {
    for (const id of GATE_IDS) if (doc.getElementById(id)) return true;
  }
  return $(root, '[class*="comment"]') !== null || $(root, '[itemtype*="Comment"]') !== null;
}

function findPosts(root: ParentNode): Element[] {
  if (!hasGate(root)) return [];
  const micro = $$(root, selectors.microdata.css);
  if (micro.length > 0) return micro.slice(0, ITEM_BUDGET);
  const items: Element[] = [];
  for (const box of $$(root, selectors.container.css)) {
    for (const item of $$(box, selectors.item.css)) {
      if (items.length >= ITEM_BUDGET) return items;
      if ($(item, selectors.author.css) && $(item, selectors.body.css)) items.push(item);
    }
  }
  return items;
}

function readPost(el: Element, pageUrl: URL) {
  try {
    // The first match that belongs to this item, not to a reply nested inside it.
    const inItem = (css: string) => $$(el, css).find((m) => m.closest(ITEM_OR_COMMENT) === el) ?? null;
    const authorEl = inItem(selectors.author.css);
    const nameEl = $(authorEl, '[itemprop="name"]') ?? authorEl;
    const bodyEl = inItem(selectors.body.css);
    const linkEl = (el.id && inItem(`a[href$="#${el.id}"]`)) || inItem(selectors.permalink.css);
    const href = linkEl?.getAttribute('href') ?? linkEl?.getAttribute('content') ?? (el.id ? `#${el.id}` : null);
    const timeEl = inItem(selectors.time.css);
    return buildPost({
      platform: 'generic',
      nativeId: el.id || null,
      scope: pageUrl.hostname,
      author: visibleText(nameEl),
      handle: absoluteUrl(attrOf(authorEl, 'a[href]', 'href') || authorEl?.getAttribute('href'), pageUrl) ?? '',
      text: visibleText(bodyEl, { skip: NESTED }),
      permalink: absoluteUrl(href, pageUrl),
      time: isoTime(timeEl?.getAttribute('datetime')),
    });
  } catch {
    return null;
  }
}

export const genericAdapter: SiteAdapter = {
  platform: 'generic',
  // Never chosen by host: readPostsOnPage falls back to it.
  matches: () => false,
  selectors,
  findPosts,
  readPost,
  findComposer: (_el, doc) => editableIn(doc, selectors.composer.css),
};
