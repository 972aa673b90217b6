import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * Simple Machines Forum 2.0 and 2.1, self-hosted. Written from SMF's Themes/default/Display.template.php:
 * every message is a .post_wrapper inside #forumposts, the poster's name in .poster h4 (a profile link,
 * or plain text for a guest), the words in .post .inner (id msg_N, data-msgid in 2.1), the signature in
 * .signature outside it, the message link in .keyinfo. Checked against a page made from that template.
 */
const F = 'engines/smf21--community.example-boats.net-index.php-topic-77.html';

const spec: EngineSpec = {
  name: 'smf',
  gate: { ids: ['forumposts'] },
  selectors: {
    fingerprint: { css: '#forumposts .post_wrapper .poster h4, #forumposts .post_wrapper .inner[id^="msg_"]', checkedAgainst: F },
    post: { css: '#forumposts .post_wrapper', checkedAgainst: F },
    author: { css: '.poster h4 a[href*="action=profile"]', checkedAgainst: F },
    // A guest's name is plain text in the h4, beside an empty online-status mark.
    authorFallback: { css: '.poster h4', checkedAgainst: F },
    text: { css: '.post .inner', checkedAgainst: F },
    // 2.1 quotes are blockquote.bbc_standard_quote with a <cite>; 2.0 puts a .quoteheader before each.
    quote: { css: 'blockquote', checkedAgainst: F },
    notOwn: { css: '.quoteheader, .quotefooter, .signature', checkedAgainst: F },
    permalink: { css: '.keyinfo a[href*="msg"]', checkedAgainst: F },
  },
  keep: (el) => el.querySelector('.post .inner') !== null,
  nativeId: (el) => {
    const inner = el.querySelector('.inner[data-msgid], .inner[id^="msg_"]');
    return inner?.getAttribute('data-msgid') ?? inner?.id.match(/\d+/)?.[0] ?? null;
  },
  composer: '#quickReplyOptions textarea, form#postmodify textarea[name="message"]',
};

export const smfSite = engineSite(spec);
export const smfAdapter = engineAdapter(spec, smfSite);
