import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/** XenForo 1 (ol#messageList li.message) and 2 (article.message), self-hosted on any domain. */
const F1 = 'wild/xenforo1--wcxb--www.spigotmc.org-best-minecraft-server-hosts.html';

const spec: EngineSpec = {
  name: 'xenforo',
  gate: { ids: ['XenForo'], classes: ['message--post'] },
  selectors: {
    // XF1 puts id="XenForo" on <html>; XF2 marks <html data-app="public"> and article.message[data-author].
    fingerprint: { css: 'html#XenForo li.message[data-author], article.message[data-author][data-content]', checkedAgainst: F1 },
    post: { css: 'li.message[id^="post-"][data-author], article.message[data-author][data-content^="post-"]', checkedAgainst: F1 },
    author: { css: '.messageUserInfo .username, .message-name .username', checkedAgainst: F1 },
    text: { css: '.messageText, .message-body .bbWrapper', checkedAgainst: F1 },
    quote: { css: '.bbCodeQuote, blockquote.bbCodeBlock--quote', checkedAgainst: F1 },
    notOwn: { css: '.messageTextEndMarker, .message-signature', checkedAgainst: F1 },
    permalink: { css: 'a.postNumber[data-href], .message-attribution-main a[href*="/post-"]', checkedAgainst: F1 },
    time: { css: '.DateTime, time.u-dt', checkedAgainst: F1 },
  },
  composer: '#QuickReply textarea, .js-quickReply [contenteditable="true"], .js-quickReply textarea',
  authorAttr: 'data-author',
};

export const xenforoSite = engineSite(spec);
export const xenforoAdapter = engineAdapter(spec, xenforoSite);
