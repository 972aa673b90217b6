import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $, absoluteUrl, attrOf, editableIn, isoTime, postsUnder, visibleText } from './dom';
import { buildPost, neverThrows } from './post';

/**
 * GitHub issues and pull-request conversations, React issues UI (2025). The classic
 * .timeline-comment markup is gone from issue pages and is not read.
 */
const F = 'github/defuddle--github.com-issue-56.html';

const selectors = {
  issueBody: { css: '[data-testid="issue-body"]', checkedAgainst: F },
  comment: { css: '[data-testid^="comment-viewer-outer-box-"]', checkedAgainst: F },
  bodyAuthor: { css: 'a[data-testid="issue-body-header-author"]', checkedAgainst: F },
  commentAuthor: { css: '[data-testid="comment-header"] a[data-testid="avatar-link"]', checkedAgainst: F },
  text: { css: '[data-testid="markdown-body"]', checkedAgainst: F },
  permalink: { css: 'a[href*="#issuecomment-"], a[href*="#issue-"]', checkedAgainst: F },
  time: { css: 'relative-time[datetime]', checkedAgainst: F },
} as const;

/** Not in the fixture (it was saved logged out): the new-comment box of the React UI and the classic one. */
const COMPOSER = 'textarea[aria-label*="comment" i], textarea[placeholder*="comment" i], textarea[name="comment[body]"]';

const POST = `${selectors.issueBody.css}, ${selectors.comment.css}`;
/** Quoted replies ("> text") render as blockquotes inside the markdown body. */
const QUOTE = 'blockquote';

function readPost(el: Element, pageUrl: URL) {
  const authorEl = $(el, selectors.bodyAuthor.css) ?? $(el, selectors.commentAuthor.css);
  const login = visibleText(authorEl);
  const href = attrOf(el, selectors.permalink.css, 'href');
  const body = $(el, selectors.text.css);
  return buildPost({
    platform: 'github',
    // "issue-123" / "issuecomment-456": the anchors GitHub itself links to.
    nativeId: href.match(/#(issue(?:comment)?-\d+)$/)?.[1] ?? null,
    author: login,
    handle: login ? `@${login}` : '',
    text: visibleText(body, { skip: QUOTE }),
    quoted: Array.from(body?.querySelectorAll(QUOTE) ?? [])
      .map((q) => visibleText(q))
      .join(' '),
    permalink: absoluteUrl(href, pageUrl),
    time: isoTime(attrOf(el, selectors.time.css, 'datetime')),
  });
}

/** What Frontline knows of github before reading a post (lib/sites/descriptor.ts). */
export const githubSite: SiteDescriptor = { id: 'github', platform: 'github', hosts: ['github.com'], path: /^\/[^/]+\/[^/]+\/(issues|pull|discussions)\/\d+/, ownsHosts: true, gate: {} };

export const githubAdapter = defineAdapter(githubSite, {
  selectors,
  findPosts: (root) => postsUnder(root, POST),
  readPost: neverThrows(readPost),
  findComposer: (_el, doc) => editableIn(doc, COMPOSER),
});

