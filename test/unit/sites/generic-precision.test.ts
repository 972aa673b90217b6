import { describe, expect, it } from 'vitest';
import { genericAdapter, readPostsWith } from '../../../lib/sites/index';
import { scoreSynthetic } from '../../../scripts/sites/score';
import { parsePage } from './load-fixture';

/**
 * The generic reader marks posts, not the blocks beside them that carry a name and a line of prose
 * too (lib/sites/reader/evidence.ts). Each rule on a small page of its own, then the third test set
 * (test/fixtures/sites/shapes3, written before these rules).
 */
const URL_ = 'https://forum.example-unknown.net/t/42';
const read = (html: string, url = URL_) => readPostsWith(genericAdapter, parsePage(`<!doctype html><html><body>${html}</body></html>`, url), new URL(url));

const card = (name: string, joined: string) =>
  `<div class="person"><a class="member-link" href="/members/${name}/">${name}</a><div>Joined ${joined} · 312 messages</div>` +
  `<p>Rides to work along the river every day and fixes old bicycles at the weekend for friends.</p></div>`;

describe('generic reader precision', () => {
  it('member cards (a profile link, a bio, the day they joined) are not posts', () => {
    expect(read(`<div class="grid">${card('anouk', 'Apr 3, 2021')}${card('bas', 'Jan 9, 2022')}${card('chiara', 'Jul 1, 2020')}</div>`)).toEqual([]);
  });

  it('the same cards with the day each was written are posts', () => {
    const posts = read(`<div class="grid">${['anouk', 'bas', 'chiara'].map((n) => card(n, 'x').replace('Joined x', 'Posted Apr 3, 2021')).join('')}</div>`);
    expect(posts.map((p) => p.author)).toEqual(['anouk', 'bas', 'chiara']);
  });

  it('a leaderboard (name and points, no time, no link of its own, no Reply) is not a thread', () => {
    const row = (n: string) => `<li class="row"><a href="/users/${n}">${n}</a> <span>312 points from helpful answers in the maintenance forum this month</span></li>`;
    expect(read(`<ol>${row('ada')}${row('ben')}${row('cem')}</ol>`)).toEqual([]);
  });

  it('related stories that open with a headline link are not posts, though they carry a byline and a time', () => {
    const story = (t: string, by: string) =>
      `<div class="tile"><a href="/2025/${t.length}">${t}</a><div>by <a href="/users/${by}">${by}</a> · <time datetime="2025-10-01T09:00:00Z">1 Oct</time></div>` +
      `<p>A short dek that tells what the story is about, in a sentence or two of prose.</p></div>`;
    expect(read(`<div>${story('Boiler will not pair after a reset', 'kwame')}${story('Schedule runs one hour late now', 'rosa')}${story('App logs me out every few days', 'tobi')}</div>`)).toEqual([]);
  });

  it('a comment whose title links to its own page (the number of the post in the link) is still a post', () => {
    const c = (id: number, who: string) =>
      `<li class="thing" id="tree_${id}"><h4><a href="/comments.pl?sid=9&cid=${id}">Re: What could go wrong here</a></h4><div>by <a href="/~${who}">${who}</a></div>` +
      `<div class="words">Nothing, until the update ships on a Friday night and nobody is there to roll it back.</div></li>`;
    expect(read(`<ul>${c(65870295, 'ozm')}${c(65870301, 'iggy')}</ul>`).map((p) => p.author)).toEqual(['ozm', 'iggy']);
  });

  it('a comment without time or links still counts when its block is named for comments (a saved widget lost its times)', () => {
    const c = (who: string) => `<article class="wc-comment-article"><header><a class="wc-comment-username">${who}</a></header><section><p>How is this news? Could you maybe stop giving these people attention every week?</p></section></article>`;
    expect(read(`<div>${c('jlist')}${c('dola')}${c('ron')}</div>`).map((p) => p.author)).toEqual(['jlist', 'dola', 'ron']);
  });

  it('a row of buttons in an element named like a body is not the words', () => {
    const c = (n: number, who: string) =>
      `<section class="entry-row" id="e${n}"><div class="entry-main"><div class="entry-top"><a href="/u/${who}">${who}</a> <span data-stamp="176452${n}000">Dec 1</span></div>` +
      `<div class="rendered"><p>I can reproduce it with twenty-one columns but not with twenty, post ${n}.</p></div><div class="entry-controls"><button>Like</button><button>Reply</button></div></div></section>`;
    const posts = read(`<div>${c(1, 'kp')}${c(2, 'ol')}</div>`);
    expect(posts.map((p) => p.text)).toEqual(['I can reproduce it with twenty-one columns but not with twenty, post 1.', 'I can reproduce it with twenty-one columns but not with twenty, post 2.']);
  });

  it('a name in an element whose class ends in "-user" is read, with a relative time ("1h ago") as the evidence', () => {
    const c = (who: string) => `<div class="convo-msg"><div><span class="convo-user">${who}</span> <span>1h ago</span></div><div class="convo-body">Third time this month my train was cancelled and the app still showed it on time.</div></div>`;
    expect(read(`<div>${c('CommuterKate')}${c('R. Ferreira')}</div>`).map((p) => p.author)).toEqual(['CommuterKate', 'R. Ferreira']);
  });
});

describe('the third test set: community pages with blocks that look like posts', () => {
  const scores = scoreSynthetic('shapes3');
  // product-questions.html since the sixth pass: each question is the opening post of its own answers.
  const right = ['blog-nested-related.html', 'community-kudos-thread.html', 'member-directory.html', 'news-comments-widget.html', 'product-questions.html', 'topic-stream.html'];

  for (const file of right) {
    it(`${file}: every post read right, nothing else marked`, () => {
      const s = scores.find((x) => x.file === file)!;
      expect(s.misses).toEqual([]);
      expect(s.read).toBe(s.expected);
    });
  }

});

describe('an avatar is not a story picture', () => {
  it('a picture before the name linking where the name links (one relative, one absolute) leaves the post a post', () => {
    const p = (n: number) =>
      `<div class="post" id="post_${n}"><div class="author_information"><a href="user-12${n}.html"><img src="/a.png" alt=""></a>` +
      `<strong><a href="https://forum.example-unknown.net/user-12${n}.html">member${n}</a></strong></div>` +
      `<div class="post_head"><a href="thread-9-post-${n}.html#pid${n}">#${n}</a> 2019-02-23, 09:14 PM</div>` +
      `<div class="post_body">Why not try it out first, if you are able to; the converter kept my attachments.</div></div>`;
    expect(read(`<div id="posts">${p(1)}${p(2)}${p(3)}</div>`, 'https://forum.example-unknown.net/thread-9.html').map((x) => x.author)).toEqual(['member1', 'member2', 'member3']);
  });
});
