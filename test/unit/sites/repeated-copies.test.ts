import { describe, expect, it } from 'vitest';
import { genericAdapter, readPostsWith } from '../../../lib/sites/index';
import { parsePage } from './load-fixture';

/**
 * A post the page draws twice (an accepted or highlighted answer repeated above the thread) is one
 * post, read where the thread draws it (lib/sites/repeated.ts). Invented markup, no engine's.
 */
const URL_ = 'https://talk.example-unknown.org/thread/77';
const read = (html: string) => readPostsWith(genericAdapter, parsePage(`<!doctype html><html><body>${html}</body></html>`, URL_), new URL(URL_));

const reply = (n: number, name: string, words: string) =>
  `<li class="reply" id="r${n}"><div class="head"><a href="/people/${name}">${name}</a> <time datetime="2024-05-0${n}T10:00:00Z">May ${n}, 2024</time></div>` +
  `<div class="words"><p>${words}</p></div><a href="#r${n}">Link</a> <button>Reply</button></li>`;

const ASK = 'My kettle switches itself off before the water boils, every time since the last firmware update.';
const SAME = 'Same here with the two litre model, it clicks off at about eighty degrees and will not start again.';
const FIX = 'Hold the power button for ten seconds to reset the sensor calibration; the next firmware restores the old default.';
const THANKS = 'Thanks, the reset worked for me too and it boils properly again now.';

describe('a post drawn twice is read once', () => {
  const thread = `<ol class="thread">${reply(1, 'ines', ASK)}${reply(2, 'tomek', SAME)}${reply(3, 'support_kai', FIX)}${reply(4, 'ines', THANKS)}</ol>`;

  it('an accepted answer repeated above the thread is not a second post; the thread keeps its order', () => {
    const best = `<section class="best"><h2>Best answer</h2><ol>${reply(3, 'support_kai', FIX).replace('id="r3"', 'id="best-r3"')}</ol></section>`;
    const posts = read(`<h1>Kettle turns off early</h1>${best}${thread}`);
    expect(posts.map((p) => p.author)).toEqual(['ines', 'tomek', 'support_kai', 'ines']);
    expect(posts.filter((p) => p.text === FIX)).toHaveLength(1);
  });

  it('the same words from two different people are two posts', () => {
    const posts = read(`<ol class="thread">${reply(1, 'ines', ASK)}${reply(2, 'tomek', SAME)}${reply(3, 'marta', SAME)}</ol>`);
    expect(posts.map((p) => p.author)).toEqual(['ines', 'tomek', 'marta']);
  });

  it('a short reply one person writes twice is read twice', () => {
    const posts = read(`<ol class="thread">${reply(1, 'ines', ASK)}${reply(2, 'tomek', 'Thank you, that worked for me as well!')}${reply(3, 'ines', SAME)}${reply(4, 'tomek', 'Thank you, that worked for me as well!')}</ol>`);
    expect(posts.map((p) => p.author)).toEqual(['ines', 'tomek', 'ines', 'tomek']);
  });
});
