import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * HyperKitty, the web archive of Mailman 3 lists, on any list server. Written from hyperkitty's
 * templates/hyperkitty/messages/message.html: each message a div.email whose header holds the sender in
 * .email-author .name (a profile link for members, the bare name or address for others) and the
 * "(permalink)" link, the words in .email-body as plain text; quoted mail folded into .quoted-text behind
 * a .quoted-switch. Replies follow in .replies, not nested inside their parent. Checked against a page
 * made from that template.
 */
const F = 'engines/hyperkitty--lists.example-gnss.org-thread-K2PQ7ZLA.html';

const spec: EngineSpec = {
  name: 'hyperkitty',
  gate: { classes: ['email-body'] },
  selectors: {
    fingerprint: { css: 'div.email > .email-header .email-author', checkedAgainst: F },
    post: { css: 'div.email', checkedAgainst: F },
    author: { css: '.email-author .name', checkedAgainst: F },
    text: { css: '.email-body', checkedAgainst: F },
    quote: { css: '.quoted-text', checkedAgainst: F },
    notOwn: { css: '.quoted-switch', checkedAgainst: F },
    permalink: { css: '.messagelink a[href*="/message/"]', checkedAgainst: F },
  },
  keep: (el) => el.querySelector('.email-body') !== null,
  // The message's hash is the header's id: letters and digits, not a number.
  nativeId: (el) => el.querySelector('.email-header[id]')?.id ?? null,
  composer: '.reply-form textarea',
};

export const hyperkittySite = engineSite(spec);
export const hyperkittyAdapter = engineAdapter(spec, hyperkittySite);
