import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * MyBB 1.8, self-hosted. Written from MyBB's default theme (install/resources/mybb_theme.xml, the
 * postbit and postbit_classic templates): each post is div.post#post_N inside #posts, the name in
 * .author_information .largetext, the words in .post_body#pid_N, the signature in a .signature after
 * them, "#N" linking to the post in .post_head. Checked against a page made from those templates; the
 * saved MyBB page in wild/ is held out and only measured.
 */
const F = 'engines/mybb--forums.example-aquarium.org-thread-4410.html';

const spec: EngineSpec = {
  name: 'mybb',
  gate: { ids: ['posts'] },
  selectors: {
    fingerprint: { css: '#posts div.post[id^="post_"] .post_body[id^="pid_"]', checkedAgainst: F },
    post: { css: '#posts div.post[id^="post_"]', checkedAgainst: F },
    author: { css: '.author_information .largetext', checkedAgainst: F },
    text: { css: '.post_body', checkedAgainst: F },
    quote: { css: 'blockquote.mycode_quote, blockquote', checkedAgainst: F },
    notOwn: { css: '.signature, .post_edit', checkedAgainst: F },
    permalink: { css: '.post_head a[href*="#pid"], .post_head a[href*="pid="]', checkedAgainst: F },
  },
  keep: (el) => el.querySelector('.post_body') !== null,
  composer: '#quick_reply_form textarea[name="message"]',
};

export const mybbSite = engineSite(spec);
export const mybbAdapter = engineAdapter(spec, mybbSite);
