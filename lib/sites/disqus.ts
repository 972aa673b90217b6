import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $$, absoluteUrl, clickFirst, editableIn, postsUnder, visibleText } from './dom';
import { ownFirst } from './own';
import { buildPost, neverThrows } from './post';

/**
 * Disqus comments. They live in an iframe served from disqus.com/embed/comments/, so this adapter
 * runs inside that frame, never in the host page.
 */
const F = 'disqus/embed--disqus.com-embed-comments.html';

const selectors = {
  post: { css: 'li.post[id^="post-"]', checkedAgainst: F },
  author: { css: '.post-byline .author', checkedAgainst: F },
  username: { css: '.post-byline .author a[data-username]', checkedAgainst: F },
  message: { css: '.post-message', checkedAgainst: F },
  permalink: { css: 'a.time-ago[href]', checkedAgainst: F },
  composer: { css: 'form.reply [contenteditable="true"][data-role="editable"]', checkedAgainst: F },
  replyLink: { css: '[data-role="reply-link"] [data-action="reply"]', checkedAgainst: F },
} as const;

function readPost(el: Element, pageUrl: URL) {
  const own = (css: string) => ownFirst(el, css, selectors.post.css);
  const id = el.id.match(/^post-(\d+)$/)?.[1];
  const user = own(selectors.username.css);
  const message = own(selectors.message.css);
  return buildPost({
    platform: 'disqus',
    nativeId: id ?? null,
    author: visibleText(own(selectors.author.css)),
    handle: absoluteUrl(user?.getAttribute('href'), pageUrl) ?? '',
    text: visibleText(message, { skip: 'blockquote' }),
    quoted: $$(message, 'blockquote')
      .map((q) => visibleText(q))
      .join(' '),
    permalink: absoluteUrl(own(selectors.permalink.css)?.getAttribute('href'), pageUrl),
    // Disqus gives only a localised title ("Monday, February 24, 2025 6:02 PM") with no zone.
    time: null,
  });
}

/** What Frontline knows of disqus before reading a post (lib/sites/descriptor.ts). */
export const disqusSite: SiteDescriptor = { id: 'disqus', platform: 'disqus', hosts: ['disqus.com'], path: /^\/embed\/comments/, ownsHosts: true, gate: { ids: ['disqus_thread'] } };

export const disqusAdapter = defineAdapter(disqusSite, {
  selectors,
  findPosts: (root) => postsUnder(root, selectors.post.css),
  readPost: neverThrows(readPost),
  findComposer(el, doc) {
    // Clicking Reply opens a form inside the comment; otherwise the thread's top box.
    return editableIn(el, selectors.composer.css) ?? editableIn(doc, selectors.composer.css);
  },
  openComposer: (el) => clickFirst(el, selectors.replyLink.css),
});

