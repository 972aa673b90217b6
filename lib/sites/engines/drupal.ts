import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * Comments of Drupal 7 to 11 under an article, on any Drupal site. Written from Drupal core's comment
 * templates (modules/comment/templates/comment.html.twig, Olivero's and Bartik's, Drupal 7's
 * comment.tpl.php) and its field and username templates: the comment is an <article
 * data-comment-user-id> (8+) or a div.comment (7), preceded by <a id="comment-N">; the words are the
 * comment_body field; a member's name is a.username, a guest's plain text in .comment__author.
 * Threaded replies sit in a sibling div.indented, never inside their parent. Checked against pages made
 * from those templates; the saved Drupal page in wild/ is held out and only measured.
 */
const F = 'engines/drupal10-olivero--news.example-city.org-water-bills.html';
const F7 = 'engines/drupal7-bartik--blog.example-trails.net-node-5.html';

const BODY = '.field--name-comment-body, .field-name-comment-body';

/**
 * The comment's own link (its title, or "Permalink"): a reply also links its parent, in the hidden
 * "In reply to …" line, which comes first in the markup.
 */
function ownLink(el: Element): string | null {
  for (const a of el.querySelectorAll('a.permalink, a[href*="#comment-"]')) {
    if (!a.closest('.visually-hidden, .element-hidden')) return a.getAttribute('href');
  }
  return null;
}

function commentNumber(el: Element): string | null {
  const anchor = el.previousElementSibling;
  const fromAnchor = anchor?.tagName === 'A' ? anchor.id.match(/^comment-(\d+)$/)?.[1] : undefined;
  return el.id.match(/^comment-(\d+)$/)?.[1] ?? fromAnchor ?? ownLink(el)?.match(/#comment-(\d+)/)?.[1] ?? null;
}

const spec: EngineSpec = {
  name: 'drupal',
  gate: { classes: ['field--name-comment-body', 'field-name-comment-body'] },
  selectors: {
    fingerprint: { css: '[data-comment-user-id] .field--name-comment-body, div.comment .field-name-comment-body', checkedAgainst: F },
    post: { css: '[data-comment-user-id], div.comment', checkedAgainst: F7 },
    // Scoped to the byline: a reply's hidden "In reply to … by <a.username>" names the parent's author.
    author: { css: '.comment__author .username, .comment__submitted .username, .submitted .username', checkedAgainst: F },
    authorFallback: { css: '.comment__author', checkedAgainst: F },
    text: { css: BODY, checkedAgainst: F },
    notOwn: { css: '.user-signature, .visually-hidden, .element-hidden', checkedAgainst: F7 },
    time: { css: '[property~="dc:created"], [property~="schema:dateCreated"], time[datetime]', checkedAgainst: F7 },
  },
  // Themes reuse div.comment for wrappers; a comment holds exactly one comment body.
  keep: (el) => el.querySelectorAll(BODY).length === 1,
  permalinkOf: ownLink,
  nativeId: commentNumber,
  composer: 'form.comment-form textarea, #comment-form textarea',
};

export const drupalSite = engineSite(spec);
export const drupalAdapter = engineAdapter(spec, drupalSite);
