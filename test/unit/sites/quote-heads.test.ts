import { describe, expect, it } from 'vitest';
import { genericAdapter, readPostsWith } from '../../../lib/sites/index';
import { parsePage } from './load-fixture';

/**
 * A mention that heads a quote (a line holding only a link to a member or post of this site) names
 * whose words follow: the reply's own words start after the quote (lib/sites/quote-heads.ts).
 * Invented markup, no engine's.
 */
const URL_ = 'https://talk.example-unknown.org/thread/77';
const read = (html: string) => readPostsWith(genericAdapter, parsePage(`<!doctype html><html><body>${html}</body></html>`, URL_), new URL(URL_));

const reply = (n: number, name: string, words: string) =>
  `<li class="reply" id="r${n}"><div class="head"><a href="/people/${name}">${name}</a> <time datetime="2024-05-0${n}T10:00:00Z">May ${n}, 2024</time></div>` +
  `<div class="words">${words}</div><a href="#r${n}">Link</a> <button>Reply</button></li>`;

const ASK = '<p>My kettle switches itself off before the water boils, every time since the last firmware update.</p>';
const QUOTED = '<blockquote><p>My kettle switches itself off before the water boils.</p></blockquote>';
const OWN = 'Same here with the two litre model, it clicks off at about eighty degrees.';
const LAST = '<p>Holding the power button for ten seconds reset the sensor for me; it boils properly again.</p>';

const page = (head: string) => read(`<ol class="thread">${reply(1, 'ines', ASK)}${reply(2, 'tomek', `${head}${QUOTED}<p>${OWN}</p>`)}${reply(3, 'marta', LAST)}</ol>`);

describe('a mention heading a quote', () => {
  it("is not the reply's first word: the words start after the quote, the quote kept apart", () => {
    const tomek = page('<p><a href="/thread/77/1" class="mention">ines</a></p>')[1]!;
    expect(tomek.text).toBe(OWN);
    expect(tomek.quoted).toContain('My kettle switches itself off');
  });

  it("a link to another site before a quote stays in the reply's words (a source, not a mention)", () => {
    const tomek = page('<p><a href="https://news.example-other.com/kettles">source</a></p>')[1]!;
    expect(tomek.text).toBe(`source ${OWN}`);
  });
});
