import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/** Invision Community 4 (ipsComment articles), self-hosted or on invisioncloud. */
const F = 'wild/invision4--wcxb--forum.prestashop.com-payment-issues-how-to-delete.html';

const spec: EngineSpec = {
  name: 'invision',
  gate: { classes: ['ipsComment'] },
  selectors: {
    fingerprint: { css: 'body.ipsApp article.ipsComment', checkedAgainst: F },
    post: { css: 'article.ipsComment[id^="elComment_"]', checkedAgainst: F },
    // The desktop author pane; the phone copy repeats it (.cAuthorPane_mobile).
    author: { css: 'aside.cAuthorPane .cAuthorPane_author a, .cAuthorPane_author a', checkedAgainst: F },
    text: { css: '[data-role="commentContent"]', checkedAgainst: F },
    quote: { css: 'blockquote.ipsQuote', checkedAgainst: F },
    notOwn: { css: '[data-role="memberSignature"], [data-excludequote], .ipsQuote_citation', checkedAgainst: F },
    permalink: { css: 'a[href*="#findComment-"], a[href*="?do=findComment"]', checkedAgainst: F },
    time: { css: 'time[datetime]', checkedAgainst: F },
  },
  composer: '[data-role="replyArea"] [contenteditable="true"]',
};

export const invisionSite = engineSite(spec);
export const invisionAdapter = engineAdapter(spec, invisionSite);
