import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/** Vanilla Forums (the opening discussion and its li.ItemComment replies), self-hosted or cloud. */
const F = 'wild/vanilla--wcxb--forum.polkaudio.com-advice-on-home-theater-speaker-setup.html';

const spec: EngineSpec = {
  name: 'vanilla',
  gate: { classes: ['MessageList'] },
  selectors: {
    fingerprint: { css: 'body.Vanilla .MessageList .Item .Message', checkedAgainst: F },
    post: { css: '.ItemDiscussion[id^="Discussion_"], li.ItemComment[id^="Comment_"]', checkedAgainst: F },
    author: { css: '.Author .Username', checkedAgainst: F },
    text: { css: '.Message.userContent, .Message', checkedAgainst: F },
    quote: { css: '.UserQuote, blockquote.Quote', checkedAgainst: F },
    notOwn: { css: '.UserSignature, .Signature', checkedAgainst: F },
    permalink: { css: 'a.Permalink[href]', checkedAgainst: F },
    time: { css: '.DateCreated time[datetime]', checkedAgainst: F },
  },
  composer: '#Form_Body, .CommentForm textarea',
  nativeId: (el) => el.id || null,
};

export const vanillaSite = engineSite(spec);
export const vanillaAdapter = engineAdapter(spec, vanillaSite);
