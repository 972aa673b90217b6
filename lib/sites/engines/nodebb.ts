import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/** NodeBB (li[component="post"] with data-pid), self-hosted. */
const F = 'wild/nodebb--wcxb--community.nodebb.org-rc1-of-nodebb-v4.html';

const spec: EngineSpec = {
  name: 'nodebb',
  gate: { classes: ['template-topic'] },
  selectors: {
    fingerprint: { css: 'body.template-topic [component="post"][data-pid]', checkedAgainst: F },
    post: { css: '[component="post"][data-pid]', checkedAgainst: F },
    author: { css: '[itemprop="author"] [itemprop="name"], [data-username]', checkedAgainst: F },
    text: { css: '[component="post/content"]', checkedAgainst: F },
    permalink: { css: 'a.post-index[href], a[href*="/post/"]', checkedAgainst: F },
    time: { css: 'meta[itemprop="datePublished"]', checkedAgainst: F },
  },
  authorAttr: 'data-username',
  nativeId: (el) => el.getAttribute('data-pid'),
  composer: '[component="composer"] textarea',
};

export const nodebbSite = engineSite(spec);
export const nodebbAdapter = engineAdapter(spec, nodebbSite);
