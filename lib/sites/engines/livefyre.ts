import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/** Livefyre's comment widget, embedded in news sites' pages (no host of its own in the page URL). */
const F = 'wild/livefyre-widget--htmlparser-benchmark--swampland.time.com-christian-right-fights-porn-in-the-dorm.html';

const spec: EngineSpec = {
  name: 'livefyre',
  gate: { classes: ['fyre-comment-article'] },
  selectors: {
    fingerprint: { css: 'article.fyre-comment-article', checkedAgainst: F },
    post: { css: 'article.fyre-comment-article', checkedAgainst: F },
    author: { css: '.fyre-comment-username', checkedAgainst: F },
    text: { css: '.fyre-comment', checkedAgainst: F },
  },
  nested: true,
  nativeId: (el) => el.getAttribute('data-message-id') ?? (el.id || null),
  composer: '.fyre-editor-field[contenteditable="true"]',
};

export const livefyreSite = engineSite(spec);
export const livefyreAdapter = engineAdapter(spec, livefyreSite);
