import { describe, expect, it } from 'vitest';
import { genericAdapter, readPostsWith } from '../../../lib/sites/index';
import { parsePage } from './load-fixture';

/**
 * Shapes the tenth held-out set showed the generic reader missing (test/fixtures/sites/shapes10), each
 * written here as invented markup with none of those engines' class names: a tag link before the
 * asker's name, names printed with their handle or a role mark in brackets, a tracker's activity table and timeline events beside its comments, words
 * stored one div per line, and a tracker's description headed apart with its writer named elsewhere.
 */
const URL_ = 'https://support.example-unknown.dev/cases/41';
const read = (html: string) => readPostsWith(genericAdapter, parsePage(`<!doctype html><html><body>${html}</body></html>`, URL_), new URL(URL_));

const WORDS = [
  'The kettle switches itself off after ten seconds since the base was replaced, every time, even when full.',
  'Check the base serial: the replacement batch from March has a faulty sensor and we swap those for free.',
  'The serial starts with 03, so it is that batch; the form for the free swap asks for a photo of the label.',
  'Mine was from the same batch and the swapped base has worked for two weeks now without a single cut-out.',
];

/** A comment: a head with the writer's link, then the words. */
function comment(i: number, name: string, href: string, words: string, head = ''): string {
  return `<div class="entry" id="c${i}"><div class="entry-head"><a class="person-link" href="${href}">${name}</a>${head} <span>3 days ago</span></div><div class="entry-text"><p>${words}</p></div></div>`;
}

describe('shapes of the tenth set the generic reader now reads', () => {
  it('a name printed with the handle its profile address repeats, or with a role mark drawn beside it, reads as the name alone', () => {
    const posts = read(
      `<main><div class="entries">` +
        comment(1, 'Nadia Ferro (nferro)', '/~nferro', WORDS[1]!) +
        comment(2, 'Otto Brand (otto-b)', '/~otto-b', WORDS[2]!) +
        `<div class="entry" id="c3"><div class="entry-head"><span class="poster-name"><a href="/people/kjell">kjell</a><span class="small">[OP]</span></span> <span>2 days ago</span></div><div class="entry-text"><p>${WORDS[3]}</p></div></div>` +
        `</div></main>`,
    );
    expect(posts.map((p) => p.author)).toEqual(['Nadia Ferro', 'Otto Brand', 'kjell']);
  });

  it("a tag link (rel=tag) before the asker's by-line is never the asker", () => {
    const posts = read(
      `<main><div class="question"><ul class="labels"><li><a class="label-name tag" rel="tag" href="/tags/kettles">kettles</a></li></ul>` +
        `<div class="by"><a class="person-link" href="/people/ada">Ada Lund</a> asked 4 days ago</div><div class="entry-text"><p>${WORDS[0]}</p></div></div>` +
        `<div class="entries">${comment(1, 'Nadia Ferro', '/people/nadia', WORDS[1]!)}${comment(2, 'Ada Lund', '/people/ada', WORDS[2]!)}</div></main>`,
    );
    expect(posts.map((p) => p.author)).toEqual(['Ada Lund', 'Nadia Ferro', 'Ada Lund']);
  });

  it("a timeline's events (the actor's line only) and an activity table of 'old → new' rows are no posts", () => {
    const posts = read(
      `<main><div class="timeline">` +
        comment(1, 'Nadia Ferro', '/people/nadia', WORDS[1]!) +
        `<div class="entry" id="c2"><div class="entry-head"><a class="person-link" href="/people/otto">Otto Brand</a> moved this case to Waiting. <span>2 days ago</span></div></div>` +
        `<div class="entry" id="c3"><table class="changes"><tr><td>2 days ago</td><td><a class="person-link" href="/people/otto">Otto Brand</a></td><td>state:</td><td>Open → Waiting</td></tr></table></div>` +
        comment(4, 'Otto Brand', '/people/otto', WORDS[2]!) +
        `</div></main>`,
    );
    expect(posts.map((p) => [p.author, p.text])).toEqual([
      ['Nadia Ferro', WORDS[1]],
      ['Otto Brand', WORDS[2]],
    ]);
  });

  it('words stored one div per line (each of the same kind, hashed class names) are read whole', () => {
    const posts = read(
      `<main><div class="responses">` +
        [1, 2].map((i) => `<div class="rsp"><a class="af" href="/@u${i}">${['Nadia Ferro', 'Otto Brand'][i - 1]}</a> <a class="af" href="/@u${i}/r${i}">Mar ${i}</a><div class="cq"><div class="l">${WORDS[i]}</div><div class="l">Thanks again.</div></div></div>`).join('') +
        `</div></main>`,
    );
    expect(posts.map((p) => p.text)).toEqual([`${WORDS[1]} Thanks again.`, `${WORDS[2]} Thanks again.`]);
  });

  it("a tracker's description, headed 'Description' before the comments, is read as the first post with the writer its 'Reporter' field names", () => {
    const posts = read(
      `<main><div class="case-fields"><dl><dt>Assignee:</dt><dd>Nadia Ferro</dd><dt>Reporter:</dt><dd>Ada Lund</dd></dl></div>` +
        `<section class="box"><div class="box-head"><h3>Description</h3></div><div class="box-body"><p>${WORDS[0]}</p></div></section>` +
        `<section class="box"><div class="box-head"><h3>Comments</h3></div><div class="entries">${comment(1, 'Nadia Ferro', '/people/nadia', WORDS[1]!)}${comment(2, 'Ada Lund', '/people/ada', WORDS[2]!)}</div></section></main>`,
    );
    expect(posts.map((p) => [p.author, p.text])).toEqual([
      ['Ada Lund', WORDS[0]],
      ['Nadia Ferro', WORDS[1]],
      ['Ada Lund', WORDS[2]],
    ]);
    // A product page's "Description", with no reporter named anywhere, is no post.
    const product = read(
      `<main><section><h2>Description</h2><div><p>${WORDS[0]}</p></div></section>` +
        `<div class="entries">${comment(1, 'Nadia Ferro', '/people/nadia', WORDS[1]!)}${comment(2, 'Otto Brand', '/people/otto', WORDS[2]!)}</div></main>`,
    );
    expect(product.map((p) => p.author)).toEqual(['Nadia Ferro', 'Otto Brand']);
  });
});
