import { describe, expect, it } from 'vitest';
import { genericAdapter, readPostsWith } from '../../../lib/sites/index';
import { parsePage } from './load-fixture';

/**
 * Who wrote a post and where it lives, on engines no adapter names (lib/sites/reader/parts.ts): the
 * shapes themes print a writer in — a guest as plain text before the date, a default avatar's letter
 * before the name, profile addresses by user id or /@name, an element named "…-name" — and a reply's
 * "In reply to" link, which is not its own. Small hand-made pages, invented names.
 */
const PAGE = 'https://blog.example-unknown.org/2024/05/notes';
const read = (html: string, url = PAGE) => readPostsWith(genericAdapter, parsePage(`<!doctype html><html><body>${html}</body></html>`, url), new URL(url));

const WORDS = 'The update removed the export button and support has not answered my ticket for a week now.';

describe('generic reader: by-lines and permalinks', () => {
  it('a guest printed as text before the date ("Ann Lee | May 3, 2015") is the author, beside members with profile links', () => {
    const c = (id: number, who: string, member: boolean) =>
      `<article id="comment-${id}" class="comment"><footer class="comment__meta"><div class="comment__submitted">` +
      `${member ? `<a href="/users/${who.toLowerCase()}">${who}</a>` : who} | May ${id % 27}, 2015 <div class="rate">No readers like this yet.</div></div>` +
      `<div class="content"><div class="field--name-comment-body"><p>${WORDS} (${id})</p></div></div></footer></article>`;
    const posts = read(`<section id="comments">${c(101, 'Robin Muil', true)}${c(102, 'Matthew Hodge', false)}${c(103, 'Kenzie', false)}${c(104, 'Jason B', true)}</section>`);
    expect(posts.map((p) => p.author)).toEqual(['Robin Muil', 'Matthew Hodge', 'Kenzie', 'Jason B']);
    expect(posts.find((p) => p.author === 'Kenzie')?.handle).toBe('');
  });

  it('a name element whose name class is followed by another class ("cmt-name cmt-staff") is the author, nested replies included', () => {
    const card = (id: string, who: string, staff: boolean, inner = '') =>
      `<div id="cmt-card-${id}" class="cmt-card"><div class="cmt-header"><div class="cmt-avatar">${who[0]}</div>` +
      (staff ? `<a href="/team/${who.split(' ')[0]!.toLowerCase()}" class="cmt-name cmt-staff">${who}</a>` : `<div class="cmt-name">${who}</div>`) +
      `<div class="cmt-time" title="Wed Apr 03 2024 15:21:08 GMT+0000">2 days ago</div></div>` +
      `<div class="cmt-contents"><div class="cmt-words"><p>${WORDS} (${id})</p></div><div class="cmt-children">${inner}</div></div></div>`;
    const posts = read(`<div id="comments">${card('a1', 'Dana Flores', false, card('a2', 'Kim Staffer', true))}${card('a3', 'lee_p', false)}</div>`);
    expect(posts.map((p) => p.author)).toEqual(['Dana Flores', 'Kim Staffer', 'lee_p']);
    // The reply's words are its own, not also its parent's.
    expect(posts[0]!.text).toBe(`${WORDS} (a1)`);
  });

  it('a reply whose hidden "In reply to" link (rel=bookmark, class permalink) names its parent keeps its own address', () => {
    const c = (id: number, who: string, parent?: number) =>
      `<article id="comment-${id}" class="comment"><div class="comment__submitted"><a href="/users/${who}">${who}</a> | May 3, 2015</div>` +
      `<div class="comment-body"><p>${WORDS} (${id})</p></div>` +
      (parent ? `<p class="parent visually-hidden">In reply to <a href="#comment-${parent}" class="permalink" rel="bookmark">the comment</a> by <span>someone</span></p>` : '') +
      `</article>`;
    const posts = read(`<section id="comments">${c(201, 'ann')}<div class="indented">${c(202, 'ben', 201)}</div>${c(203, 'cat')}</section>`);
    expect(posts.map((p) => p.permalink)).toEqual([`${PAGE}#comment-201`, `${PAGE}#comment-202`, `${PAGE}#comment-203`]);
  });

  it("a default avatar's letter inside the profile link is not the name printed beside it", () => {
    const p = (id: number, who: string) =>
      `<div id="post${id}" class="post"><div class="post__user"><div class="avatar"><a class="avatar-link" href="/members/${who.toLowerCase()}-${id}"><div class="default-avatar">${who[0]}</div></a></div></div>` +
      `<div class="post__meta"><a class="username" href="/members/${who.toLowerCase()}-${id}">${who}</a> <time datetime="2021-06-24T10:00:00Z">June 24, 2021</time></div>` +
      `<div class="post__content"><p>${WORDS}</p></div></div>`;
    expect(read(`<div class="topic">${p(41139, 'MrPuds')}${p(41140, 'Kestrel')}${p(41141, 'juliamc')}</div>`).map((x) => x.author)).toEqual(['MrPuds', 'Kestrel', 'juliamc']);
  });

  it('an avatar link that prints the whole name beside its image is the name; a pane flagged "has-avatar" is not a picture', () => {
    const p = (id: number, who: string) =>
      `<div class="entry" id="entry-${id}"><div class="entry-head has-avatar"><a class="entry-author-avatar" href="https://code.example.org/${who}"><img src="/a.png" alt="@${who}"><span>${who}</span></a>` +
      ` <a href="https://code.example.org/o/r/discussions/5#c${id}"><time datetime="2024-03-18T09:12:44Z">Mar 18, 2024</time></a></div><div class="entry-body"><p>${WORDS}</p></div></div>`;
    expect(read(`<div class="entries">${p(1, 'tamsin-r')}${p(2, 'felixbrandt')}</div>`).map((x) => x.author)).toEqual(['tamsin-r', 'felixbrandt']);
  });

  it('a quote in a custom element (<content-quote>) is kept apart from the words', () => {
    const p = (id: number, who: string) =>
      `<div id="post${id}" class="post"><a class="username" href="/members/${who}">${who}</a> <time datetime="2021-06-24T10:00:00Z">June 24</time>` +
      `<div class="post__content"><content-quote><div><p>The thick cable came with the car.</p></div></content-quote><p>${WORDS}</p></div></div>`;
    const posts = read(`<div class="topic">${p(1, 'ann')}${p(2, 'ben')}</div>`);
    expect(posts.map((x) => [x.text, x.quoted])).toEqual([
      [WORDS, 'The thick cable came with the car.'],
      [WORDS, 'The thick cable came with the car.'],
    ]);
  });

  it('profile addresses by user id (?uid=, space-uid-N) and /@name are authors', () => {
    const row = (href: string, who: string) =>
      `<div class="reply-row"><div class="who"><a href="${href}">${who}</a></div><div class="when">Posted on 2024-3-5 10:02</div><div class="words">${WORDS}</div></div>`;
    expect(read(`<div class="thread">${row('space-uid-3310.html', 'lumen_pei')}${row('home.php?mod=space&uid=871', 'GreyCardGuy')}${row('https://social.example.net/@tamsin', 'tamsin')}</div>`).map((p) => p.author)).toEqual([
      'lumen_pei',
      'GreyCardGuy',
      'tamsin',
    ]);
  });

  it('a name in an element named "…-name" is read, and "Anonymous" there is the name shown', () => {
    const c = (who: string) =>
      `<div class="cmt-card"><div class="cmt-head"><span class="cmt-name">${who}</span><span class="cmt-ago" title="2024-04-03">4 days ago</span></div><div class="cmt-words"><p>${WORDS}</p></div></div>`;
    expect(read(`<div class="cmt-list">${c('Marcus Webb')}${c('Anonymous')}${c('jo_h')}</div>`).map((p) => p.author)).toEqual(['Marcus Webb', 'Anonymous', 'jo_h']);
  });

  it('"Guest" as a rank label beside a linked name is still not the author', () => {
    const c = (who: string) =>
      `<div class="msg"><span class="rank">Guest</span> <a href="/users/${who}">${who}</a> <time datetime="2024-04-03T10:00:00Z">Apr 3</time><div class="msg-body">${WORDS}</div></div>`;
    expect(read(`<div class="msgs">${c('ann')}${c('ben')}</div>`).map((p) => p.author)).toEqual(['ann', 'ben']);
  });

  it('every question of a Q&A page is read above its answers, not only the first', () => {
    const item = (q: string, asker: string, answers: Array<[string, string]>) =>
      `<div class="qa-item"><div class="qa-q"><span class="qa-q-text">${q} ${WORDS}</span><div class="qa-by">Asked by <span class="qa-nick">${asker}</span> on <span>12 Oct 2025</span></div></div>` +
      `<div class="qa-answers">${answers.map(([a, who]) => `<div class="qa-a"><div class="qa-a-text">${a} ${WORDS}</div><div class="qa-by">Answered by <span class="qa-nick">${who}</span> on <span>13 Oct 2025</span></div></div>`).join('')}</div></div>`;
    const html = `<div class="qa-section">${item('Does it fit?', 'Henrik', [['No.', 'Marisol'], ['Only 18 V.', 'Support']])}${item('Is it covered?', 'Dolores', [['Yes.', 'Support']])}</div>`;
    expect(read(html).map((p) => p.author)).toEqual(['Henrik', 'Marisol', 'Support', 'Dolores', 'Support']);
  });
});
