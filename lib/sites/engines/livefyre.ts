import { engineAdapter } from '../engine';

/** Livefyre's comment widget, embedded in news sites' pages (no host of its own in the page URL). */
const F = 'wild/livefyre-widget--htmlparser-benchmark--swampland.time.com-christian-right-fights-porn-in-the-dorm.html';

export const livefyreAdapter = engineAdapter({
  name: 'livefyre',
  selectors: {
    fingerprint: { css: 'article.fyre-comment-article', checkedAgainst: F },
    post: { css: 'article.fyre-comment-article', checkedAgainst: F },
    author: { css: '.fyre-comment-username', checkedAgainst: F },
    text: { css: '.fyre-comment', checkedAgainst: F },
  },
  nested: true,
  nativeId: (el) => el.getAttribute('data-message-id') ?? (el.id || null),
  composer: '.fyre-editor-field[contenteditable="true"]',
});
