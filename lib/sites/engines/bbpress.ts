import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * bbPress, the forum plugin of WordPress, on any WordPress site. Written from bbPress's own templates
 * (templates/default/bbpress: loop-replies, loop-single-reply, content-single-topic-lead): each reply is
 * a header (date and #permalink) followed by a sibling div carrying `bbp_reply_class()` (classes
 * `post-N reply` or `topic`) with .bbp-reply-author and .bbp-reply-content. Checked against a page
 * made from those templates; the saved bbPress page in wild/ is held out and only measured.
 */
const F = 'engines/bbpress--forum.example-gardening.org-topic-leaky-hose.html';

const BODY = '.bbp-reply-content, .bbp-topic-content';

/** The header bbPress writes just before each reply holds its permalink. */
function headerLink(el: Element): string | null {
  const header = el.previousElementSibling;
  if (!header?.matches('.bbp-reply-header, .bbp-topic-header')) return null;
  return header.querySelector('a.bbp-reply-permalink, a.bbp-topic-permalink')?.getAttribute('href') ?? null;
}

const spec: EngineSpec = {
  name: 'bbpress',
  gate: { ids: ['bbpress-forums'], classes: ['bbp-replies'] },
  selectors: {
    fingerprint: { css: '#bbpress-forums .bbp-replies .bbp-reply-content, #bbpress-forums .bbp-lead-topic .bbp-topic-content', checkedAgainst: F },
    // The header and footer rows (li.bbp-header) carry the same author/content columns as titles: not posts.
    post: { css: '.bbp-replies .bbp-body div.reply, .bbp-replies .bbp-body div.topic, .bbp-lead-topic .bbp-body div.topic', checkedAgainst: F },
    author: { css: '.bbp-author-name', checkedAgainst: F },
    text: { css: BODY, checkedAgainst: F },
    // "This reply was modified 2 days ago by …" is appended to the content by bbPress itself.
    notOwn: { css: '.bbp-reply-revision-log, .bbp-topic-revision-log, .bbp-author-role', checkedAgainst: F },
  },
  keep: (el) => el.querySelector(BODY) !== null,
  permalinkOf: headerLink,
  // bbp_reply_class() writes the WordPress post id as the class post-N; the header holds it as id="post-N".
  nativeId: (el) => el.className.match(/(?:^|\s)post-(\d+)(?:\s|$)/)?.[1] ?? el.previousElementSibling?.id.match(/^post-(\d+)$/)?.[1] ?? null,
  composer: '#new-post textarea[name="bbp_reply_content"], #new-post textarea',
};

export const bbpressSite = engineSite(spec);
export const bbpressAdapter = engineAdapter(spec, bbpressSite);
