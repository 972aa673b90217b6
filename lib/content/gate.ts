/**
 * The cheap first look every page gets. One combined querySelector, no walks, no layout:
 * it only answers "might this page hold comments?" so the full content script is injected
 * only where it can be useful. Known sites skip this (their posts may arrive later, SPA).
 */
const COMMENT_HINTS = [
  '[itemtype*="schema.org/Comment"]',
  '[itemtype*="schema.org/DiscussionForumPosting"]',
  '#comments',
  '.comments',
  '.comment-list',
  '.commentlist',
  '#disqus_thread',
  'article.comment',
  'li.comment',
  '.post-message',
].join(',');

export function pageMayHaveComments(doc: Document): boolean {
  return doc.querySelector(COMMENT_HINTS) !== null;
}
