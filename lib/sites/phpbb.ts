import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $, $$, absoluteUrl, attrOf, clickFirst, editableIn, isoTime, postsUnder, textOf, visibleText } from './dom';
import { buildPost, neverThrows } from './post';

/** phpBB 3.x, default prosilver style (self-hosted on any domain). */
const F = 'phpbb/prosilver--forum.example.org-viewtopic-t-981.html';

const selectors = {
  post: { css: 'div.post[id^="p"]', checkedAgainst: F },
  author: { css: '.postprofile .username, .postprofile .username-coloured', checkedAgainst: F },
  content: { css: '.postbody .content', checkedAgainst: F },
  quote: { css: 'blockquote', checkedAgainst: F },
  permalink: { css: '.postbody h3 a[href], p.author a.unread[href]', checkedAgainst: F },
  time: { css: 'p.author time[datetime]', checkedAgainst: F },
  composer: { css: '#qr_postform textarea[name="message"], form#postform textarea[name="message"]', checkedAgainst: F },
  quoteButton: { css: '.post-buttons a[href*="mode=quote"]', checkedAgainst: F },
  sniff: { css: 'body#phpbb div.post', checkedAgainst: F },
} as const;

function readPost(el: Element, pageUrl: URL) {
  const id = el.id.match(/^p(\d+)$/)?.[1];
  if (!id) return null;
  const body = $(el, selectors.content.css);
  return buildPost({
    platform: 'phpbb',
    nativeId: id,
    scope: pageUrl.hostname,
    author: textOf(el, selectors.author.css),
    handle: absoluteUrl(attrOf(el, selectors.author.css, 'href'), pageUrl) ?? '',
    text: visibleText(body, { skip: selectors.quote.css }),
    // A quote's cite line ("bob wrote: ↑ date") is attribution, not the quoted words.
    quoted: $$(body, selectors.quote.css)
      .map((q) => visibleText(q, { skip: 'cite' }))
      .join(' '),
    permalink: absoluteUrl(attrOf(el, selectors.permalink.css, 'href') || `./viewtopic.php?p=${id}#p${id}`, pageUrl),
    time: isoTime(attrOf(el, selectors.time.css, 'datetime')),
  });
}

/** What Frontline knows of phpbb before reading a post (lib/sites/descriptor.ts). */
export const phpbbSite: SiteDescriptor = { id: 'phpbb', platform: 'phpbb', hosts: [], gate: { ids: ['phpbb'] }, sniff: selectors.sniff.css };

export const phpbbAdapter = defineAdapter(phpbbSite, {
  selectors,
  findPosts: (root) => postsUnder(root, selectors.post.css),
  readPost: neverThrows(readPost),
  findComposer: (_el, doc) => editableIn(doc, selectors.composer.css),
  // phpBB's own "quote" button opens the full editor with the post quoted.
  openComposer: (el) => clickFirst(el, selectors.quoteButton.css),
});
