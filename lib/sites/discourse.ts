import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $, $$, absoluteUrl, attrOf, clickFirst, editableIn, isoTime, postsUnder, textOf, visibleText } from './dom';
import { buildPost, neverThrows } from './post';

/**
 * Discourse forums (self-hosted on any domain): the Ember app's post stream, and the no-JS crawler
 * view of the same topic. Both views give the same post the same id (topic id / post number).
 */
const F_EMBER = 'discourse/ember--forum.example.com-t-sync-keeps-failing-4242.html';
const F_CRAWLER = 'discourse/crawler--forum.example.com-t-sync-keeps-failing-4242.html';

const selectors = {
  emberPost: { css: 'article[data-post-id]', checkedAgainst: F_EMBER },
  fullName: { css: '.names .full-name a', checkedAgainst: F_EMBER },
  username: { css: '.names a[data-user-card]', checkedAgainst: F_EMBER },
  cooked: { css: '.cooked', checkedAgainst: F_EMBER },
  postDate: { css: 'a.post-date[href]', checkedAgainst: F_EMBER },
  relativeDate: { css: '.relative-date[data-time]', checkedAgainst: F_EMBER },
  crawlerPost: { css: 'div.crawler-post[id^="post_"]', checkedAgainst: F_CRAWLER },
  crawlerAuthor: { css: '[itemprop="author"] [itemprop="name"]', checkedAgainst: F_CRAWLER },
  crawlerText: { css: '[itemprop="text"]', checkedAgainst: F_CRAWLER },
  crawlerTime: { css: 'time[datetime]', checkedAgainst: F_CRAWLER },
  quote: { css: 'aside.quote', checkedAgainst: F_CRAWLER },
  composer: { css: '#reply-control textarea.d-editor-input, #reply-control [contenteditable="true"]', checkedAgainst: F_EMBER },
  replyButton: { css: '.post-controls button.reply', checkedAgainst: F_EMBER },
  /** Discourse names itself in a generator tag in both views. */
  sniff: { css: 'meta[name="generator"][content^="Discourse"]', checkedAgainst: F_CRAWLER },
} as const;

const POST = `${selectors.emberPost.css}, ${selectors.crawlerPost.css}`;
/** Quotes of other posts, and the image lightbox's filename/size caption. */
const NOT_OWN = 'aside.quote, .lightbox-wrapper .meta, .cooked-selection-barrier';

/** "/t/<slug>/<topic id>" of the page, from the canonical link or the URL itself. */
function topicBase(doc: Document | null, pageUrl: URL): URL | null {
  const canonical = attrOf(doc, 'link[rel="canonical"]', 'href');
  for (const candidate of [canonical, pageUrl.href]) {
    const abs = absoluteUrl(candidate, pageUrl);
    const path = abs ? new URL(abs).pathname.match(/^\/t\/(?:[^/]+\/)?\d+/)?.[0] : null;
    if (abs && path) return new URL(path, abs);
  }
  return null;
}

function quotedOf(body: Element | null): string {
  return $$(body, `${selectors.quote.css} blockquote`).map((q) => visibleText(q)).join(' ');
}

function readEmber(el: Element, pageUrl: URL) {
  if (el.classList.contains('deleted') || el.closest('.topic-post.deleted')) return null;
  const username = attrOf(el, selectors.username.css, 'data-user-card');
  const body = $(el, selectors.cooked.css);
  const postNumber = el.id.match(/^post_(\d+)$/)?.[1];
  const topicId = el.getAttribute('data-topic-id');
  return buildPost({
    platform: 'discourse',
    nativeId: topicId && postNumber ? `${topicId}/${postNumber}` : el.getAttribute('data-post-id'),
    scope: pageUrl.hostname,
    author: textOf(el, selectors.fullName.css) || textOf(el, selectors.username.css),
    handle: username ? `@${username}` : '',
    text: visibleText(body, { skip: NOT_OWN }),
    quoted: quotedOf(body),
    permalink: absoluteUrl(attrOf(el, selectors.postDate.css, 'href'), pageUrl),
    time: isoTime(attrOf(el, selectors.relativeDate.css, 'data-time')),
  });
}

function readCrawler(el: Element, pageUrl: URL) {
  const postNumber = el.id.match(/^post_(\d+)$/)?.[1];
  const username = textOf(el, selectors.crawlerAuthor.css);
  const body = $(el, selectors.crawlerText.css);
  const base = topicBase(el.ownerDocument, pageUrl);
  const topicId = base?.pathname.match(/(\d+)$/)?.[1];
  return buildPost({
    platform: 'discourse',
    nativeId: topicId && postNumber ? `${topicId}/${postNumber}` : null,
    scope: pageUrl.hostname,
    author: username,
    handle: username ? `@${username}` : '',
    text: visibleText(body, { skip: NOT_OWN }),
    quoted: quotedOf(body),
    permalink: base && postNumber ? `${base.href}/${postNumber}` : null,
    time: isoTime(attrOf(el, selectors.crawlerTime.css, 'datetime')),
  });
}

/** What Frontline knows of discourse before reading a post (lib/sites/descriptor.ts). */
export const discourseSite: SiteDescriptor = { id: 'discourse', platform: 'discourse', hosts: ['meta.discourse.org', '*.discourse.group'], gate: { generators: ['Discourse'] }, sniff: selectors.sniff.css };

export const discourseAdapter = defineAdapter(discourseSite, {
  selectors,
  findPosts: (root) => postsUnder(root, POST),
  readPost: neverThrows((el, pageUrl) => el.matches(selectors.emberPost.css) ? readEmber(el, pageUrl) : readCrawler(el, pageUrl)),
  findComposer: (_el, doc) => editableIn(doc, selectors.composer.css),
  openComposer: (el) => clickFirst(el, selectors.replyButton.css),
});
