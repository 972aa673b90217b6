import { describe, expect, it } from 'vitest';
import { genericAdapter, readPostsWith } from '../../../lib/sites/index';
import { parsePage } from './load-fixture';

/**
 * Families of pages the generic reader (lib/sites/reader) reads since the eighth pass of issue 15, each
 * on a small hand-made page with invented names and class names (not the fifth set's markup): a
 * nested-table forum, an issue tracker's timeline with event rows (inside a navigation element a
 * template left open), a story whose text sits beside its by-line, a guest named before a date that
 * sits in the next element, an icon link before the name link, and the stamps and controls engines
 * write around a post's words.
 */
const PAGE = 'https://talk.example-unknown.net/t/4410';
const read = (html: string, url = PAGE) => readPostsWith(genericAdapter, parsePage(`<!doctype html><html><body>${html}</body></html>`, url), new URL(url));

const W = (n: string) => `The replacement charger stopped working after two weeks and the shop will not take it back without the box (${n}).`;

describe('generic reader: families read since the eighth pass', () => {
  it('a forum of nested layout tables (a one-cell row around a three-cell row of spacer, vote and words) is read, every comment with its author', () => {
    const row = (id: number, who: string, depth: number) =>
      `<tr><td><table border=0><tr><td><img src="s.gif" width="${depth * 40}" height="1"></td>` +
      `<td valign=top><a id="vote_${id}" href="vote?id=${id}&how=up"><img src="arrow.gif"></a></td>` +
      `<td><div><span class="hdr"><a href="user?id=${who}">${who}</a> ${id % 5 + 1} hours ago | <a href="item?id=${id}">link</a></span></div>` +
      `<br><span class="txt"><font color=#000>${W(String(id))}</font></span><p><font size=1><a href="reply?id=${id}">reply</a></font></td></tr></table></td></tr>`;
    const posts = read(`<center><table><tr><td>Board</td></tr><tr><td><table>${row(501, 'ottar', 0)}${row(502, 'brynja', 1)}${row(503, 'ottar', 2)}${row(504, 'hekla', 0)}</table></td></tr></table></center>`);
    expect(posts.map((p) => p.author)).toEqual(['ottar', 'brynja', 'ottar', 'hekla']);
    // The "reply" control at the end of the words is not a word of the post.
    expect(posts.map((p) => p.text)).toEqual([W('501'), W('502'), W('503'), W('504')]);
  });

  it("an issue tracker's timeline inside a navigation element left open is read; an event row (a label added, a date) is not a post", () => {
    const item = (id: number, who: string, words: string) =>
      `<div class="tl-entry note" id="note-${id}"><a class="tl-pic" href="/${who}"><img src="/p/${who}.png"></a><div class="note-box">` +
      `<div class="note-head"><span class="muted"><a class="author" href="/${who}">${who}</a> commented <a href="#note-${id}"><relative-time datetime="2024-03-0${id % 9}T10:00:00Z">2024-03-0${id % 9} 10:00</relative-time></a></span></div>` +
      `<div class="note-box-body"><div class="rendered"><p>${words}</p></div></div></div></div>`;
    const event = `<div class="tl-entry event" id="note-77"><a class="tl-pic" href="/mod"><img src="/p/mod.png"></a><span class="muted"><a class="author" href="/mod">mod</a> added the <a class="label" href="/labels/3">bug</a> label <a href="#note-77"><relative-time datetime="2024-03-04T11:00:00Z">2024-03-04 11:00</relative-time></a></span></div>`;
    // The top bar's element is never closed, so the browser nests the whole thread inside it.
    const html = `<div class="top-nav"><div class="tabs"><a href="/code">Code</a><a href="/issues">Issues</a></div><div class="thread">` +
      `${item(11, 'rhea', W('a'))}${event}${item(12, 'mod', W('b'))}${item(13, 'rhea', W('c'))}${item(14, 'tomo', W('d'))}${item(15, 'ines', W('e'))}${item(16, 'tomo', W('f'))}</div>`;
    const posts = read(html);
    expect(posts.map((p) => p.author)).toEqual(['rhea', 'mod', 'rhea', 'tomo', 'ines', 'tomo']);
    expect(posts.every((p) => p.text.startsWith('The replacement charger'))).toBe(true);
  });

  it("a link story's text beside its by-line, above the comments, is the opening post", () => {
    const comment = (id: string, who: string) =>
      `<li class="branch"><div id="r_${id}" class="reply-item"><div class="meta"><a href="/~${who}"><img class="icon" src="/i/${who}.png" alt=""></a> <a href="/~${who}">${who}</a> <span title="2024-05-20 10:00">1 hour ago</span> | <a href="/r/${id}">link</a></div><div class="reply-text"><p>${W(id)}</p></div></div></li>`;
    const html = `<ol class="items"><li id="item_q1" class="item"><div class="item-head"><span class="heading"><a href="/i/q1/charger">Replacement charger stops after two weeks</a></span>` +
      `<div class="meta"><a href="/~vera"><img class="icon" src="/i/vera.png" alt=""></a> by <a class="h-card p-author" href="/~vera">vera</a> <span title="2024-05-20 09:00">2 hours ago</span></div></div>` +
      `<div class="item-text"><p>Bought the official charger in March; it stopped charging after two weeks and support keeps sending me the same FAQ link. Has anyone got a refund?</p></div></li></ol>` +
      `<ol class="replies">${comment('a1', 'kofi')}${comment('a2', 'lin')}${comment('a3', 'vera')}</ol>`;
    const posts = read(html);
    expect(posts.map((p) => p.author)).toEqual(['vera', 'kofi', 'lin', 'vera']);
    expect(posts[0]!.text).toMatch(/^Bought the official charger in March/);
  });

  it('a guest named in plain text before a date written in the next element ("Posted by: Name | <a>date</a>") is the author', () => {
    const c = (id: number, who: string, member: boolean) =>
      `<div class="remark" id="remark-${id}"><div class="remark-words"><p>${W(String(id))}</p></div>` +
      `<p class="remark-foot">Posted by: ${member ? `<a href="https://blogs.example.org/people/${who}">${who}</a>` : who} | <a href="${PAGE}?r=${id}#remark-${id}">April 9, 2024 at 10:0${id % 10} AM</a></p></div>`;
    const posts = read(`<div class="remarks">${c(301, 'Marek', true)}${c(302, 'Ilse', false)}${c(303, 'Oona', true)}</div>`);
    expect(posts.map((p) => p.author)).toEqual(['Marek', 'Ilse', 'Oona']);
  });

  it("the writer's icon link before the name link is not the name; a subject line is not the name either", () => {
    const c = (id: number, who: string, subject: string) =>
      `<div id="t${id}" class="thread-node"><div class="node-head"><h4 class="node-subject">${subject}</h4>` +
      `<div class="when"><a href="/2024/06/02/">2024-06-02</a> 06:4${id % 10} pm (UTC)</div>` +
      `<div class="who poster"><span class="ident"><a href="https://${who}.example.net/profile"><img src="/silk/person.png" alt="[profile] "></a><a href="https://${who}.example.net/"><b>${who}</b></a></span></div></div>` +
      `<div class="node-words">${W(String(id))}</div><ul class="node-links"><li><a href="/e/1.html?thread=${id}#t${id}">Link</a></li></ul></div>`;
    const posts = read(`<div id="comments">${c(601, 'quill_ada', '(no subject)')}${c(602, 'rowan_b', 'Re: the charger')}${c(603, 'pekka', 'refund')}</div>`);
    expect(posts.map((p) => p.author)).toEqual(['quill_ada', 'rowan_b', 'pekka']);
  });

  it('read from <body>, where the content script starts, the page gives what reading the document gives: the comment section found by its id, the opening story', () => {
    const c = (id: number, who: string) =>
      `<div class="cmt" id="cmt-${id}"><div class="cmt-words"><p>${W(String(id))}</p></div><p class="cmt-foot">Posted by: ${who} | <a href="${PAGE}#cmt-${id}">April 9, 2024 at 10:0${id % 10} AM</a></p></div>`;
    const story =
      `<ol class="items"><li id="item_q1" class="item"><div class="item-head"><span class="heading"><a href="/i/q1/charger">Replacement charger stops after two weeks</a></span>` +
      `<div class="meta"><a href="/~vera"><img class="icon" src="/i/vera.png" alt=""></a> by <a class="h-card p-author" href="/~vera">vera</a> <span title="2024-05-20 09:00">2 hours ago</span></div></div>` +
      `<div class="item-text"><p>Bought the official charger in March; it stopped charging after two weeks and support keeps sending me the same FAQ link. Has anyone got a refund?</p></div></li></ol>`;
    const reply = (id: string, who: string) =>
      `<li class="branch"><div id="r_${id}" class="reply-item"><div class="meta"><a href="/~${who}"><img class="icon" src="/i/${who}.png" alt=""></a> <a href="/~${who}">${who}</a> <span title="2024-05-20 10:00">1 hour ago</span> | <a href="/r/${id}">link</a></div><div class="reply-text"><p>${W(id)}</p></div></div></li>`;
    for (const html of [
      // Guests only: no profile link nor author class, the comment section known by its id alone.
      `<div id="comments">${c(701, 'Ilse')}${c(702, 'Oona')}${c(703, 'Marek')}</div>`,
      `${story}<ol class="replies">${reply('b1', 'kofi')}${reply('b2', 'lin')}</ol>`,
    ]) {
      const doc = parsePage(`<!doctype html><html><body>${html}</body></html>`, PAGE);
      const fromDoc = readPostsWith(genericAdapter, doc, new URL(PAGE)).map((p) => `${p.author}: ${p.text}`);
      const fromBody = readPostsWith(genericAdapter, doc.body, new URL(PAGE)).map((p) => `${p.author}: ${p.text}`);
      expect(fromDoc.length).toBeGreaterThanOrEqual(3);
      expect(fromBody).toEqual(fromDoc);
    }
  });

  it("the date and \"#N\" link above the words, the topic title repeated in the wrapper and a signature are not the post's words", () => {
    const m = (id: number, who: string) =>
      `<div class="entry-row"><div class="who-col"><a class="who-link" href="/forum/user/${id}-${who}">${who}</a></div>` +
      `<div class="msg-col"><small class="muted"><span class="msgdate" title="14 May 2024 10:40">3 weeks ago</span> <a href="#${id}" id="${id}">#${id}</a></small>` +
      `<div class="msg-head">Charger stops after two weeks, shop refuses a refund</div><div class="msg-frame"><div class="msg-words">${W(String(id))} I have the receipt and the serial number.</div></div>` +
      `<div class="msg-pad"><div class="msg-sig"><hr><span>Owner of three chargers and a very old phone</span></div></div>` +
      `<div class="msg-pad"><a class="btn" href="/forum/reply/${id}">Reply</a> <a class="btn" href="/forum/quote/${id}">Quote</a></div></div></div>`;
    const posts = read(`<div class="topic">${m(8812, 'tove')}${m(8815, 'samir')}${m(8821, 'tove')}</div>`);
    expect(posts.map((p) => p.text)).toEqual([8812, 8815, 8821].map((id) => `${W(String(id))} I have the receipt and the serial number.`));
  });
});
