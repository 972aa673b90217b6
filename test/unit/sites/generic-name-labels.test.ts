import { describe, expect, it } from 'vitest';
import { genericAdapter, readPostsWith } from '../../../lib/sites/index';
import { parsePage } from './load-fixture';

/**
 * What stands beside a writer's name is not the name: a role badge ("Maintainer", "Owner") even when
 * its class says "author", and a sentence in an element whose class ends in "-name" ("Sign in to
 * rate this comment.": six words, so only its form says it is no name). Invented markup, no
 * engine's: the writer's page is a bare-host path, so only the bold name in the header names the
 * writer (lib/sites/reader/parts.ts). Fails without either rule.
 */
const URL_ = 'https://notes.example-unknown.dev/frame?thread=12';
const read = (html: string) => readPostsWith(genericAdapter, parsePage(`<!doctype html><html><body>${html}</body></html>`, URL_), new URL(URL_));

const entry = (n: number, name: string, badge: string, words: string) =>
  `<article class="entry"><a class="pic" href="https://people.example.org/${name}"><img alt="@${name}" src="/a/${n}.png"></a>` +
  `<div class="box"><header class="entry-head"><span class="meta"><a href="https://people.example.org/${name}"><strong>${name}</strong></a> wrote ` +
  `<a href="https://people.example.org/threads/12#c${n}">Mar ${n}, 2024</a></span>` +
  `<span class="tools">${badge ? `<span class="author-role-badge">${badge}</span>` : ''}<span class="vote-name">Sign in to rate this comment.</span></span></header>` +
  `<div class="text"><p>${words}</p></div></div></article>`;

describe('labels beside a name are not the name', () => {
  it('each comment is read under its writer, not under its badge or the sign-in line', () => {
    const posts = read(
      `<main>${entry(1, 'ada-k', '', 'The export button greys out after the last update and nothing happens when I click it, on two machines.')}` +
        `${entry(2, 'notes-team', 'Maintainer', 'Thanks, we can see it too: the export waits for a sync that never ends. A fix goes out on Friday.')}` +
        `${entry(3, 'bo_lin', 'Contributor', 'Same here since Tuesday; signing out and in again brought the button back for me for a while.')}</main>`,
    );
    expect(posts.map((p) => p.author)).toEqual(['ada-k', 'notes-team', 'bo_lin']);
  });
});
