import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/** vBulletin 5 and 6 (the "b-post" templates; vBulletin 3/4 are lib/sites/vbulletin.ts), self-hosted. */
const F = 'wild/vbulletin6--wcxb--forum.simplydiscus.com-discus-basics-for-beginners.html';

const spec: EngineSpec = {
  name: 'vbulletin5',
  gate: { ids: ['vb-page-body'], generators: ['vBulletin'] },
  platform: 'vbulletin',
  generator: /^vBulletin [56]\./,
  selectors: {
    fingerprint: { css: 'body#vb-page-body li.js-post', checkedAgainst: F },
    post: { css: 'li.b-post.js-post', checkedAgainst: F },
    author: { css: '.b-userinfo__details .author [itemprop="name"], .b-userinfo__details .author', checkedAgainst: F },
    text: { css: '.js-post__content-text', checkedAgainst: F },
    quote: { css: '.bbcode_container', checkedAgainst: F },
    permalink: { css: 'a.b-post__count[href]', checkedAgainst: F },
    time: { css: '.b-post__timestamp time[datetime]', checkedAgainst: F },
  },
  composer: '.js-content-entry-panel [contenteditable="true"], .js-content-entry-panel textarea',
  nativeId: (el) => el.querySelector('a.anchor[id^="post"]')?.id.slice(4) ?? null,
};

export const vbulletin5Site = engineSite(spec);
export const vbulletin5Adapter = engineAdapter(spec, vbulletin5Site);
