import { domainsOf } from '../descriptor';
import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/** Slashdot's comment tree (Slash engine): every comment shown in full or as a one-line title. */
const F = 'wild/slashdot--wcxb--developers.slashdot.org-stanford-cs-grads-find.html';

const spec: EngineSpec = {
  name: 'slashdot',
  gate: { ids: ['commentlisting'] },
  hosts: domainsOf('slashdot.org'),
  selectors: {
    fingerprint: { css: '#commentlisting li.comment div.commentBody', checkedAgainst: F },
    post: { css: 'li.comment[id^="tree_"]', checkedAgainst: F },
    author: { css: '.details .by a', checkedAgainst: F },
    text: { css: '[id^="comment_body_"]', checkedAgainst: F },
    quote: { css: '.quote, blockquote', checkedAgainst: F },
    permalink: { css: 'a[id^="comment_link_"][href]', checkedAgainst: F },
  },
  nested: true,
  keep: (el) => el.querySelector('.commentBody') !== null,
};

export const slashdotSite = engineSite(spec);
export const slashdotAdapter = engineAdapter(spec, slashdotSite);
