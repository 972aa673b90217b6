import { defineAdapter } from './define';
import { domainsOf, type SiteDescriptor } from './descriptor';
import { $, $$, absoluteUrl, attrOf, clickFirst, editableIn, isoTime, postsUnder, textOf, visibleText } from './dom';
import { buildPost, neverThrows } from './post';

/** Stack Overflow and the Stack Exchange network: question, answers, and the comments under each. */
const F = 'stackexchange/question--superuser.com-questions-1830001.html';

const selectors = {
  question: { css: 'div.question[data-questionid]', checkedAgainst: F },
  answer: { css: 'div.answer[data-answerid]', checkedAgainst: F },
  comment: { css: 'li.comment[data-comment-id]', checkedAgainst: F },
  body: { css: '.js-post-body', checkedAgainst: F },
  share: { css: 'a.js-share-link[href]', checkedAgainst: F },
  /** An edited post has the editor's signature first; the author's is .owner (questions) or the last one. */
  signature: { css: '.post-signature', checkedAgainst: F },
  ownerSignature: { css: '.post-signature.owner', checkedAgainst: F },
  signatureTime: { css: '.user-action-time .relativetime[title]', checkedAgainst: F },
  commentText: { css: '.comment-copy', checkedAgainst: F },
  commentUser: { css: '.comment-user', checkedAgainst: F },
  commentLink: { css: 'a.comment-link[href]', checkedAgainst: F },
  commentTime: { css: '.comment-date [title]', checkedAgainst: F },
  composer: { css: 'textarea#wmd-input', checkedAgainst: F },
  addComment: { css: 'a.js-add-link.comments-link', checkedAgainst: F },
  /** Stack Exchange software off the network's hosts (Stack Overflow for Teams/Enterprise, mirrors): a question with its body. */
  sniff: { css: 'div.question[data-questionid] .js-post-body', checkedAgainst: F },
} as const;

const POST = `${selectors.question.css}, ${selectors.answer.css}, ${selectors.comment.css}`;

/** Titles read "2024-03-01 11:02:33Z" (comments add ", License: CC BY-SA 4.0"). */
function seTime(title: string): string | null {
  return isoTime(title.split(',')[0]?.trim().replace(' ', 'T'));
}

function readComment(el: Element, pageUrl: URL) {
  const user = $(el, selectors.commentUser.css);
  return buildPost({
    platform: 'stackexchange',
    nativeId: `c${el.getAttribute('data-comment-id')}`,
    scope: pageUrl.hostname,
    author: visibleText(user),
    handle: absoluteUrl(user?.getAttribute('href'), pageUrl) ?? '',
    text: visibleText($(el, selectors.commentText.css)),
    permalink: absoluteUrl(attrOf(el, selectors.commentLink.css, 'href'), pageUrl),
    time: seTime(attrOf(el, selectors.commentTime.css, 'title')),
  });
}

function readQuestionOrAnswer(el: Element, pageUrl: URL) {
  const isQuestion = el.matches(selectors.question.css);
  // Comments sit inside the post's element: keep their signatures and links out of the post's own.
  const own = (css: string) => $$(el, css).filter((m) => !m.closest(selectors.comment.css));
  const signature = own(selectors.ownerSignature.css)[0] ?? own(selectors.signature.css).at(-1) ?? null;
  const userLink = $(signature, '.user-details a[href]');
  const body = own(selectors.body.css)[0] ?? null;
  const id = isQuestion ? el.getAttribute('data-questionid') : el.getAttribute('data-answerid');
  return buildPost({
    platform: 'stackexchange',
    nativeId: `${isQuestion ? 'q' : 'a'}${id}`,
    scope: pageUrl.hostname,
    author: visibleText(userLink) || textOf(signature, '.user-details'),
    handle: absoluteUrl(userLink?.getAttribute('href'), pageUrl) ?? '',
    text: visibleText(body, { skip: 'blockquote' }),
    quoted: $$(body, 'blockquote')
      .map((q) => visibleText(q))
      .join(' '),
    permalink: absoluteUrl(own(selectors.share.css)[0]?.getAttribute('href'), pageUrl),
    time: seTime(attrOf(signature, selectors.signatureTime.css, 'title')),
  });
}

/** What Frontline knows of stackexchange before reading a post (lib/sites/descriptor.ts). */
export const stackexchangeSite: SiteDescriptor = { id: 'stackexchange', platform: 'stackexchange', hosts: domainsOf('stackoverflow.com', 'stackexchange.com', 'superuser.com', 'serverfault.com', 'askubuntu.com', 'mathoverflow.net', 'stackapps.com'), ownsHosts: true, gate: { classes: ['js-post-body'] }, sniff: selectors.sniff.css };

export const stackexchangeAdapter = defineAdapter(stackexchangeSite, {
  selectors,
  findPosts: (root) => postsUnder(root, POST),
  readPost: neverThrows((el, pageUrl) => el.matches(selectors.comment.css) ? readComment(el, pageUrl) : readQuestionOrAnswer(el, pageUrl)),
  findComposer(el, doc) {
    // A comment box opened under this post, else the page's answer editor.
    return editableIn(el, 'textarea.js-comment-text-input') ?? editableIn(doc, selectors.composer.css);
  },
  openComposer: (el) => clickFirst(el, selectors.addComment.css),
});
