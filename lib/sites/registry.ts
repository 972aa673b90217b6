/**
 * The registry: every site, once. A new site is one import here and its name in both lists
 * (ARCHITECTURE.md, "Adding a site"); registry.test.ts fails on a descriptor without its adapter,
 * an adapter file not listed, or a descriptor that is incomplete.
 *
 * Two lists on purpose: the gate (every page) imports SITES and its bundle keeps the descriptors
 * only; the main content script imports ADAPTERS, the readers. A single list of pairs would put
 * every reader into the gate (bundlers do not drop unused properties of objects in an array).
 */
import { xAdapter, xSite } from './x';
import { redditAdapter, redditSite } from './reddit';
import { hackernewsAdapter, hackernewsSite } from './hackernews';
import { discourseAdapter, discourseSite } from './discourse';
import { githubAdapter, githubSite } from './github';
import { mastodonAdapter, mastodonSite } from './mastodon';
import { disqusAdapter, disqusSite } from './disqus';
import { stackexchangeAdapter, stackexchangeSite } from './stackexchange';
import { blueskyAdapter, blueskySite } from './bluesky';
import { bloggerAdapter, bloggerSite } from './blogger';
import { wordpressAdapter, wordpressSite } from './wordpress';
import { vbulletinAdapter, vbulletinSite } from './vbulletin';
import { phpbbAdapter, phpbbSite } from './phpbb';
import { vbulletin5Adapter, vbulletin5Site } from './engines/vbulletin5';
import { xenforoAdapter, xenforoSite } from './engines/xenforo';
import { invisionAdapter, invisionSite } from './engines/invision';
import { nodebbAdapter, nodebbSite } from './engines/nodebb';
import { vanillaAdapter, vanillaSite } from './engines/vanilla';
import { fluxbbAdapter, fluxbbSite } from './engines/fluxbb';
import { slashdotAdapter, slashdotSite } from './engines/slashdot';
import { livefyreAdapter, livefyreSite } from './engines/livefyre';
import { lemmyAdapter, lemmySite } from './engines/lemmy';
import { bbpressAdapter, bbpressSite } from './engines/bbpress';
import { smfAdapter, smfSite } from './engines/smf';
import { flarumAdapter, flarumSite } from './engines/flarum';
import { drupalAdapter, drupalSite } from './engines/drupal';
import { mybbAdapter, mybbSite } from './engines/mybb';
import { zendeskAdapter, zendeskSite } from './engines/zendesk';
import { hyperkittyAdapter, hyperkittySite } from './engines/hyperkitty';
import { ghostAdapter, ghostSite } from './engines/ghost';
import { coralAdapter, coralSite } from './engines/coral';
import { gitlabAdapter, gitlabSite } from './engines/gitlab';
import { genericAdapter, genericSite } from './generic';
import type { SiteDescriptor } from './descriptor';
import type { SiteAdapter } from './types';

/**
 * Every site's descriptor. Order matters only for `sniff` on unknown hosts: the first adapter
 * that recognises the page's software wins. The generic reader comes last and has probes only.
 */
export const SITES: readonly SiteDescriptor[] = [
  xSite,
  redditSite,
  hackernewsSite,
  discourseSite,
  githubSite,
  mastodonSite,
  disqusSite,
  stackexchangeSite,
  blueskySite,
  // Before WordPress: Blogger comments are li.comment too, and bbPress runs inside WordPress.
  bloggerSite,
  bbpressSite,
  wordpressSite,
  vbulletinSite,
  phpbbSite,
  // Engines described as data (lib/sites/engine.ts), recognised by what the page is.
  vbulletin5Site,
  xenforoSite,
  invisionSite,
  nodebbSite,
  vanillaSite,
  fluxbbSite,
  slashdotSite,
  livefyreSite,
  lemmySite,
  smfSite,
  mybbSite,
  flarumSite,
  drupalSite,
  zendeskSite,
  hyperkittySite,
  ghostSite,
  coralSite,
  gitlabSite,
  genericSite,
];

/** The reader of every site, by descriptor id. */
export const ADAPTERS_BY_ID: Readonly<Record<string, SiteAdapter>> = {
  x: xAdapter,
  reddit: redditAdapter,
  hackernews: hackernewsAdapter,
  discourse: discourseAdapter,
  github: githubAdapter,
  mastodon: mastodonAdapter,
  disqus: disqusAdapter,
  stackexchange: stackexchangeAdapter,
  bluesky: blueskyAdapter,
  blogger: bloggerAdapter,
  wordpress: wordpressAdapter,
  vbulletin: vbulletinAdapter,
  phpbb: phpbbAdapter,
  vbulletin5: vbulletin5Adapter,
  xenforo: xenforoAdapter,
  invision: invisionAdapter,
  nodebb: nodebbAdapter,
  vanilla: vanillaAdapter,
  fluxbb: fluxbbAdapter,
  slashdot: slashdotAdapter,
  livefyre: livefyreAdapter,
  lemmy: lemmyAdapter,
  bbpress: bbpressAdapter,
  smf: smfAdapter,
  mybb: mybbAdapter,
  flarum: flarumAdapter,
  drupal: drupalAdapter,
  zendesk: zendeskAdapter,
  hyperkitty: hyperkittyAdapter,
  'ghost-comments': ghostAdapter,
  coral: coralAdapter,
  gitlab: gitlabAdapter,
  generic: genericAdapter,
};
