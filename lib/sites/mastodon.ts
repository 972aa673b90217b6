import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $, absoluteUrl, attrOf, clickFirst, editableIn, isoTime, postsUnder, textOf, visibleText } from './dom';
import { buildPost, neverThrows } from './post';

/** Mastodon's web app, on any instance: the focused post (.detailed-status) and thread posts (.status[data-id]). */
const F = 'mastodon/defuddle--comments--mastodon.social-@user-12345678.html';

const selectors = {
  status: { css: '.status[data-id]', checkedAgainst: F },
  detailed: { css: '.detailed-status', checkedAgainst: F },
  displayName: { css: '.display-name__html', checkedAgainst: F },
  account: { css: '.display-name__account', checkedAgainst: F },
  text: { css: '.status__content__text, .status__content', checkedAgainst: F },
  permalink: { css: 'a.status__relative-time, a.detailed-status__datetime', checkedAgainst: F },
  time: { css: 'time[datetime]', checkedAgainst: F },
  sniff: { css: '#mastodon .status[data-id], #mastodon .detailed-status', checkedAgainst: F },
} as const;

/** Not in the fixture (saved logged out): the compose box and the reply button of the action bar. */
const COMPOSER = '.compose-form textarea';
const REPLY_BUTTON = '.status__action-bar button[title="Reply"], .detailed-status__action-bar button[title="Reply"]';
const INSTANCES = new Set(['mastodon.social', 'mastodon.online', 'mstdn.social', 'fosstodon.org', 'hachyderm.io', 'infosec.exchange']);
const POST = `${selectors.status.css}, ${selectors.detailed.css}`;

function readPost(el: Element, pageUrl: URL) {
  const href = attrOf(el, selectors.permalink.css, 'href');
  const account = textOf(el, selectors.account.css);
  return buildPost({
    platform: 'mastodon',
    nativeId: el.getAttribute('data-id') ?? href.match(/\/(\d+)$/)?.[1] ?? null,
    scope: pageUrl.hostname,
    author: textOf(el, selectors.displayName.css) || account,
    // Local accounts show "@alice": qualify them with the instance so handles are unique across servers.
    handle: account && !account.slice(1).includes('@') ? `${account}@${pageUrl.hostname}` : account,
    // Mastodon hides the "https://" of links with .invisible: leave out what a reader doesn't see.
    text: visibleText($(el, selectors.text.css), { skip: '.invisible' }),
    permalink: absoluteUrl(href, pageUrl),
    time: isoTime(attrOf(el, selectors.time.css, 'datetime')),
  });
}

/** What Frontline knows of mastodon before reading a post (lib/sites/descriptor.ts). */
export const mastodonSite: SiteDescriptor = { id: 'mastodon', platform: 'mastodon', hosts: [...INSTANCES], gate: { ids: ['mastodon'] }, sniff: selectors.sniff.css };

export const mastodonAdapter = defineAdapter(mastodonSite, {
  selectors,
  findPosts: (root) => postsUnder(root, POST),
  readPost: neverThrows(readPost),
  findComposer: (_el, doc) => editableIn(doc, COMPOSER),
  openComposer: (el) => clickFirst(el, REPLY_BUTTON),
});
