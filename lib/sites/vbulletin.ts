import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $, $$, absoluteUrl, attrOf, editableIn, postsUnder, textOf, visibleText } from './dom';
import { buildPost, neverThrows } from './post';

/**
 * vBulletin 4 thread pages (self-hosted on any domain). Posts often open with a quote of another
 * user (.bbcode_container), which belongs in `quoted`, and carry inline ad scripts in the message.
 */
const F = 'vbulletin/trafilatura--pocketpc.ch-auslieferung-p34.html';

const selectors = {
  post: { css: 'li.postcontainer[id^="post_"]', checkedAgainst: F },
  author: { css: '.username_container .username', checkedAgainst: F },
  text: { css: 'blockquote.postcontent', checkedAgainst: F },
  quote: { css: '.bbcode_container .message', checkedAgainst: F },
  permalink: { css: 'a.postcounter[href]', checkedAgainst: F },
  sniff: { css: 'ol#posts > li.postcontainer', checkedAgainst: F },
} as const;

/** Not in the fixture (saved logged out): vBulletin 4's quick-reply box. */
const COMPOSER = '#vB_Editor_QR textarea, form#quick_reply textarea[name="message"]';
/**
 * Quotes of other members are not the post's words. The "sent from my phone with the app" line
 * (.tapatalkSignatur) stays: the reference reading counts it as part of the post.
 */
const NOT_OWN = '.bbcode_container, .signature';

function readPost(el: Element, pageUrl: URL) {
  const id = el.id.match(/^post_(\d+)$/)?.[1];
  if (!id) return null;
  const body = $(el, selectors.text.css);
  return buildPost({
    platform: 'vbulletin',
    nativeId: id,
    scope: pageUrl.hostname,
    author: textOf(el, selectors.author.css),
    handle: absoluteUrl(attrOf(el, selectors.author.css, 'href'), pageUrl) ?? '',
    text: visibleText(body, { skip: NOT_OWN }),
    quoted: $$(body, selectors.quote.css)
      .map((q) => visibleText(q))
      .join(' '),
    permalink: absoluteUrl(attrOf(el, selectors.permalink.css, 'href'), pageUrl),
    // vBulletin shows only a localised date ("03.03.2011, 14:17") with no machine-readable form.
    time: null,
  });
}

/** What Frontline knows of vbulletin before reading a post (lib/sites/descriptor.ts). */
export const vbulletinSite: SiteDescriptor = { id: 'vbulletin', platform: 'vbulletin', hosts: [], gate: { ids: ['posts'], classes: ['postcontainer'] }, sniff: selectors.sniff.css };

export const vbulletinAdapter = defineAdapter(vbulletinSite, {
  selectors,
  findPosts: (root) => postsUnder(root, selectors.post.css),
  readPost: neverThrows(readPost),
  findComposer: (_el, doc) => editableIn(doc, COMPOSER),
});
