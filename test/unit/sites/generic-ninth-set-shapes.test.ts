import { describe, expect, it } from 'vitest';
import { genericAdapter, readPostsWith } from '../../../lib/sites/index';
import { parsePage } from './load-fixture';

/**
 * Shapes the ninth held-out set showed the generic reader missing (test/fixtures/sites/shapes9), each
 * written here as invented markup with none of those engines' class names: a tracker's entries (a
 * field grid named like content, a row of "#N" links named like text, entries that only list field
 * changes, "X wrote in #note-1:" and "(In reply to X …)" heading quotes), an opening post whose by-line
 * wraps the replies' kind of name link, comments drawn as custom elements with a reused link id, a
 * profile link printing counts under the name, a comment drawn beside its answer, "Posted in <place> by
 * <name>", and rows of a topic list laid under an empty link. Each test fails on main without its rule.
 */
const URL_ = 'https://help.example-unknown.dev/tickets/77';
const read = (html: string) => readPostsWith(genericAdapter, parsePage(`<!doctype html><html><body>${html}</body></html>`, URL_), new URL(URL_));

const WORDS = [
  'The thermostat lost its whole weekly schedule after the 4.1 update and now heats the flat all night long.',
  'We can reproduce this on units from 2022; pushing the schedule again from the settings page holds for now.',
  'Pushed it again twice and it was gone by the morning both times; the January bill is up by a third.',
  'Same model here, and turning off automatic updates stopped it for us, which is not a fix anyone should need.',
];

/** A tracker entry: a header naming the writer, a row of links to this page, then a fields list or a note. */
function entry(i: number, name: string, user: number, inner: string): string {
  return (
    `<div class="entry" id="ev-${i}"><div class="contextual"><a href="#ev-${i}">#${i}</a></div>` +
    `<h4>Changed by <a class="person" href="/people/${user}">${name}</a> <span title="2024-03-0${i} 10:00">3 days</span> ago</h4>${inner}</div>`
  );
}

describe('shapes of the ninth set the generic reader now reads', () => {
  it("a tracker's notes are read, not its '#N' link row; an entry that only lists field changes is no post; a note's 'X wrote in #1:' heads its quote", () => {
    const posts = read(
      `<main><div class="entries">` +
        entry(1, 'Ines Moor', 4, `<div class="note"><p>${WORDS[1]}</p></div>`) +
        entry(2, 'Paul Ek', 9, `<ul class="changes"><li><b>Priority</b> changed from <i>Normal</i> to <i>High</i></li><li><b>Due</b> set to <i>Friday</i></li></ul>`) +
        entry(3, 'Rosa Lind', 5, `<div class="note"><p>Ines Moor wrote in <a href="#ev-1">#1</a>:</p><blockquote><p>pushing the schedule again holds for now</p></blockquote><p>${WORDS[2]}</p></div>`) +
        `</div></main>`,
    );
    expect(posts.map((p) => [p.author, p.text])).toEqual([
      ['Ines Moor', WORDS[1]],
      ['Rosa Lind', WORDS[2]],
    ]);
    expect(posts[1]!.quoted).toContain('pushing the schedule again');
  });

  it('a block named like content that holds only a grid of fields is not the words when paragraphs of prose sit beside it', () => {
    const posts = read(
      `<main><div class="ticket"><h3>Schedule lost after update</h3><p class="author">Opened by <a class="person" href="/people/2">Ada Brandt</a> 3 days ago</p>` +
        `<div class="gridcontent"><div>State: Open</div><div>Owner: <a class="person" href="/people/4">Ines Moor</a></div></div>` +
        `<div class="summary"><p>${WORDS[0]}</p><p>${WORDS[3]}</p></div></div>` +
        `<div class="entries">${entry(1, 'Ines Moor', 4, `<div class="note"><p>${WORDS[1]}</p></div>`)}${entry(2, 'Ada Brandt', 2, `<div class="note"><p>${WORDS[2]}</p></div>`)}</div></main>`,
    );
    expect(posts.map((p) => p.author)).toEqual(['Ada Brandt', 'Ines Moor', 'Ada Brandt']);
    expect(posts[0]!.text.startsWith(WORDS[0]!)).toBe(true);
  });

  it('"(In reply to X from comment #2)" before a quote is the quote\'s head, not the reply\'s words', () => {
    const posts = read(
      `<main>${['Noor', 'Bea', 'Noor']
        .map(
          (name, i) =>
            `<div class="cmt" id="c${i}"><div class="cmt-head"><span class="fn">${name} Haddad</span> <span class="when">2024-06-1${i} 19:02 UTC</span></div>` +
            `<pre class="cmt-words">${i === 2 ? '(<a href="#c1">In reply to Bea Haddad from comment #1</a>)\n<span class="quote">&gt; pushing it again holds</span>\n\n' : ''}${WORDS[i]}</pre></div>`,
        )
        .join('')}</main>`,
    );
    expect(posts[2]!.text).toBe(WORDS[2]);
    expect(posts[2]!.quoted).toContain('pushing it again holds');
  });

  it('an opening post whose by-line wraps the same kind of name link as the replies is read first', () => {
    const reply = (i: number, name: string) =>
      `<div class="reply" id="reply_${i}"><div class="reply-body"><div class="reply-who"><a class="namelink" href="/profiles/${i}">${name}</a> <span class="stamp" data-timestamp="171811${i}000">Jun ${i}</span></div><div class="reply-words">${WORDS[i]}</div></div></div>`;
    const posts = read(
      `<main><div class="first-post" id="op_1"><div class="opline"><a class="namelink" href="/profiles/9">Kit Salt</a> <span class="stamp" data-timestamp="1718110000">Jun 1</span></div><div class="op-title">Schedule lost</div><div class="op-words">${WORDS[0]}</div></div>` +
        `<div class="pager">Showing 1-3 of 3</div><div class="reply-area"><div class="reply-list">${reply(1, 'Oar Lock')}${reply(2, 'Grey Gull')}${reply(3, 'Kit Salt')}</div></div></main>`,
    );
    expect(posts.map((p) => p.author)).toEqual(['Kit Salt', 'Oar Lock', 'Grey Gull', 'Kit Salt']);
    expect(posts[0]!.text).toBe(WORDS[0]);
  });

  it('comments drawn as custom elements are read, each once, though every one reuses the same link id', () => {
    const comment = (i: number, handle: string) =>
      `<x-comment-thread class="scope"><x-comment class="scope"><div class="scope"><h3 class="scope"><a id="who" class="scope" href="/@${handle}"><span>@${handle}</span></a></h3>` +
      `<span class="scope"><a class="scope" href="/watch?v=abc&amp;lc=${i}">${i + 1} weeks ago</a></span><x-text class="scope"><span class="scope">${WORDS[i]}</span></x-text></div></x-comment></x-comment-thread>`;
    const posts = read(`<x-app><x-comments class="scope"><div id="contents" class="scope">${comment(0, 'dara')}${comment(1, 'mika')}${comment(2, 'grump')}</div></x-comments></x-app>`);
    expect(posts.map((p) => p.author)).toEqual(['@dara', '@mika', '@grump']);
    expect(posts[1]!.text).toBe(WORDS[1]);
  });

  it("a profile link that prints the writer's counts and country under the name gives the name alone", () => {
    const posts = read(
      `<main>${['Harold Finch', 'Amara Osei', 'Tom Wu']
        .map(
          (name, i) =>
            `<article class="card" id="r-${i}"><aside><a href="/users/${i}" rel="nofollow"><span>${name}</span><div><span>${i + 2} reviews</span><div><span>GB</span></div></div></a></aside>` +
            `<section><time datetime="2024-05-0${i + 1}T10:11:12.000Z">May ${i + 1}</time><h2>Title ${i}</h2><p>${WORDS[i]}</p></section></article>`,
        )
        .join('')}</main>`,
    );
    expect(posts.map((p) => p.author)).toEqual(['Harold Finch', 'Amara Osei', 'Tom Wu']);
  });

  it('a comment drawn beside its answer, between the answers, is read in its place', () => {
    const answer = (i: number, name: string) =>
      `<div class="ans-wrap" id="a-${i}"><div class="ans-date">3 weeks ago</div><div class="ans-words"><p>${WORDS[i]}</p></div><div class="card"><span class="who"><a href="/community/profile/${i}/">${name}</a></span> <span>${i * 7} posts</span></div></div>`;
    const posts = read(
      `<main><div class="loop">${answer(0, 'Gwen Att')}${answer(1, 'Ravi Pill')}` +
        `<div class="cmt-wrap" id="a-9"><div class="cmt-words"><p>${WORDS[3]}</p><div class="cmt-foot"><a href="/community/profile/0/">by Gwen Att</a> <span>3 weeks ago</span></div></div></div>` +
        `${answer(2, 'Bea Lind')}</div></main>`,
    );
    expect(posts.map((p) => p.author)).toEqual(['Gwen Att', 'Ravi Pill', 'Gwen Att', 'Bea Lind']);
    expect(posts[2]!.text).toBe(WORDS[3]);
  });

  it('"Posted in <place> by <name>": the writer is the link after "by", not the place linked before it', () => {
    const posts = read(
      `<main><ol class="stream">${['wren', 'moss', 'teal']
        .map(
          (name, i) =>
            `<li class="entry-item"><article class="note" id="note-${i}"><div class="note-line"><span>Posted in <a href="/~homes" class="place">~homes</a> by <a href="/user/${name}" class="who">${name}</a></span> ` +
            `<time datetime="2024-09-18T17:4${i}:11Z">${i + 1} hours ago</time></div><div class="note-words"><p>${WORDS[i]}</p></div></article></li>`,
        )
        .join('')}</ol></main>`,
    );
    expect(posts.map((p) => p.author)).toEqual(['wren', 'moss', 'teal']);
  });

  it('rows of a topic list laid under an empty link to each topic read as nothing', () => {
    const row = (i: number, title: string, name: string) =>
      `<div class="topic-row" id="t-${i}"><a class="cover" href="/forum/topic/${i}/"></a><div class="count">${i + 3}</div><div class="topic-title">${title}</div><div class="topic-starter">by <a href="/members/${name.toLowerCase().replace(' ', '-')}">${name}</a></div><div class="last">${i + 1} hours ago</div></div>`;
    const posts = read(
      `<main><div class="topics">${row(1, 'Schedule lost after the update to 4.1 on every unit', 'Kit Salt')}${row(2, 'Patch notes', 'Dev Team')}${row(3, 'Best layout for the upstairs radiators?', 'Oar Lock')}${row(4, 'Controller pairing keeps failing on new phones', 'Ilse Marr')}</div></main>`,
    );
    expect(posts).toEqual([]);
  });
});
