import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $, absoluteUrl, editableIn, isoTime, postsUnder, textOf, visibleText } from './dom';
import { buildPost, neverThrows } from './post';

/** Hacker News item pages: one flat table row per comment, nesting shown only by td.ind[indent]. */
const F_REAL = 'hackernews/real-markup--news.ycombinator.com-item-id=41230000.html';
const F_SYNTH = 'hackernews/defuddle--comments--news.ycombinator.com-item-id=12345678.html';
/** The 2015 markup: tr.athing rows with a nested table, span.comment, no ids on the rows. */
const F_2015 = 'wild/hackernews-2015--yahnac--news.ycombinator.com-ask-hn-who-wants-to-be-hired-2015-08.html';

const selectors = {
  comment: { css: 'tr.comtr[id]', checkedAgainst: F_REAL },
  author: { css: '.comhead a.hnuser', checkedAgainst: F_REAL },
  text: { css: '.commtext', checkedAgainst: F_SYNTH },
  age: { css: '.comhead span.age[title]', checkedAgainst: F_REAL },
  indent: { css: 'td.ind[indent]', checkedAgainst: F_REAL },
  composer: { css: 'form[action="comment"] textarea[name="text"]', checkedAgainst: F_REAL },
  legacyComment: { css: 'tr.athing', checkedAgainst: F_2015 },
  legacyText: { css: 'span.comment', checkedAgainst: F_2015 },
  legacyAuthor: { css: '.comhead a[href^="user?id="]', checkedAgainst: F_2015 },
  legacyLink: { css: '.comhead a[href^="item?id="]', checkedAgainst: F_2015 },
} as const;

const POST = `${selectors.comment.css}, ${selectors.legacyComment.css}`;

/** HN's age title is "<UTC time without zone> <epoch seconds>" (older pages: the time alone). */
function hnTime(title: string | null | undefined): string | null {
  const [stamp, epoch] = (title ?? '').trim().split(/\s+/);
  if (epoch && /^\d{9,11}$/.test(epoch)) return isoTime(epoch);
  if (stamp && /T\d\d:\d\d(:\d\d)?$/.test(stamp)) return isoTime(`${stamp}Z`);
  return isoTime(stamp);
}

/** 2015 rows: the id is only in the comment's "N minutes ago" link; the story's own row has no span.comment. */
function readLegacy(el: Element, _pageUrl: URL) {
  const text = $(el, selectors.legacyText.css);
  const id = $(el, selectors.legacyLink.css)?.getAttribute('href')?.match(/id=(\d+)/)?.[1];
  if (!text || !id) return null;
  const authorEl = $(el, selectors.legacyAuthor.css);
  return buildPost({
    platform: 'hackernews',
    nativeId: id,
    author: visibleText(authorEl),
    handle: absoluteUrl(authorEl?.getAttribute('href'), 'https://news.ycombinator.com/') ?? '',
    text: visibleText(text, { skip: '.reply' }),
    permalink: absoluteUrl(`/item?id=${id}`, 'https://news.ycombinator.com/'),
    // Only "3 minutes ago": no machine-readable time on these pages.
    time: null,
  });
}

function readPost(el: Element, pageUrl: URL) {
  if (!el.matches(selectors.comment.css)) return readLegacy(el, pageUrl);
  const id = el.id;
  if (!/^\d+$/.test(id)) return null;
  const author = textOf(el, selectors.author.css);
  return buildPost({
    platform: 'hackernews',
    nativeId: id,
    author,
    handle: absoluteUrl($(el, selectors.author.css)?.getAttribute('href'), pageUrl) ?? '',
    // A reply's own text: flagged/deleted comments keep their row but have no author, so buildPost drops them.
    text: visibleText($(el, selectors.text.css), { skip: '.reply' }),
    permalink: absoluteUrl(`/item?id=${id}`, 'https://news.ycombinator.com/'),
    time: hnTime($(el, selectors.age.css)?.getAttribute('title')),
  });
}

/** What Frontline knows of hackernews before reading a post (lib/sites/descriptor.ts). */
export const hackernewsSite: SiteDescriptor = { id: 'hackernews', platform: 'hackernews', hosts: ['news.ycombinator.com'], ownsHosts: true, gate: {} };

export const hackernewsAdapter = defineAdapter(hackernewsSite, {
  selectors,
  findPosts: (root) => postsUnder(root, POST),
  readPost: neverThrows(readPost),
  // Replies to a comment happen on HN's own reply page; the item page has one box, for the story.
  findComposer: (_el, doc) => editableIn(doc, selectors.composer.css),
});
