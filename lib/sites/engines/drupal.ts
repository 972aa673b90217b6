import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * Comments of Drupal 7 to 11 under an article, on any Drupal site. Written from Drupal core's comment
 * templates (modules/comment/templates/comment.html.twig, Olivero's and Bartik's, Drupal 7's
 * comment.tpl.php) and its field and username templates: the comment is an <article
 * data-comment-user-id> (8+) or a div.comment (7), preceded by <a id="comment-N">; the words are the
 * comment_body field; a member's name is a.username, a guest's plain text in .comment__author.
 * Threaded replies sit in a sibling div.indented, never inside their parent. Checked against pages made
 * from those templates; the saved Drupal page in wild/ is held out and only measured.
 *
 * Themes on core's bare base (stable9) print no field or BEM classes; what every Drupal 8+ theme
 * still carries is what core's comment module adds to the comment's attributes (data-comment-user-id,
 * id="comment-N"; stable9's template adds js-comment), the "Submitted by <user link> on <date>" line
 * in the comment's <footer>, and the words in the <div> after it (comment.html.twig).
 *
 * A theme whose own comment template prints none of core's attributes (no data-comment-user-id, no
 * js-comment, its own class names) still gets what core writes outside the template: the
 * <a id="comment-N"> anchor CommentViewBuilder puts before every comment, and the comment_body field's
 * classes and a.username from core's field and username templates. The comment is the element
 * right after that anchor, kept when it holds exactly one comment body.
 */
const F = 'engines/drupal10-olivero--news.example-city.org-water-bills.html';
const F7 = 'engines/drupal7-bartik--blog.example-trails.net-node-5.html';
const FS = 'engines/drupal10-stable9--library.example-town.gov-news-opening-hours.html';
const FT = 'engines/drupal10-custom-theme--parish.example-council.org-news-bin-collection.html';

const BODY = '.field--name-comment-body, .field-name-comment-body';
/** A Drupal 8+ comment as core's comment module marks it in every theme. */
const CORE_COMMENT = '[data-comment-user-id].js-comment, [data-comment-user-id][id^="comment-"]';
/** The element after core's own anchor, in any theme's template (kept only when it holds one comment body). */
const AFTER_ANCHOR = 'a[id^="comment-"] + article, a[id^="comment-"] + div';
const THEMED_FINGERPRINT = 'a[id^="comment-"] + article .field--name-comment-body, a[id^="comment-"] + div .field--name-comment-body';
const THEMED_AUTHOR = ':not(.visually-hidden) > a.username';

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
  // js-comment: the class core's comment templates give every comment in Drupal 8+ themes (stable, stable9), whose
  // body field may carry no field class at all.
  gate: { classes: ['field--name-comment-body', 'field-name-comment-body', 'js-comment'] },
  selectors: {
    fingerprint: { css: `[data-comment-user-id] .field--name-comment-body, div.comment .field-name-comment-body, ${CORE_COMMENT}, ${THEMED_FINGERPRINT}`, checkedAgainst: F },
    /** The part of the fingerprint for a theme's own comment template, checked on its page. */
    fingerprintThemed: { css: THEMED_FINGERPRINT, checkedAgainst: FT },
    post: { css: `[data-comment-user-id], div.comment, ${AFTER_ANCHOR}`, checkedAgainst: F7 },
    postThemed: { css: AFTER_ANCHOR, checkedAgainst: FT },
    // Scoped to the byline: a reply's hidden "In reply to … by <a.username>" names the parent's author.
    // A bare theme's "Submitted by <a href="/user/N">name</a>" too (the hidden "In reply to" line names the parent's author).
    author: {
      css: '.comment__author .username, .comment__submitted .username, .submitted .username, [data-comment-user-id] > footer p:not(.visually-hidden) a[href*="/user/"]',
      checkedAgainst: F,
    },

    // A guest: plain text in .comment__author, or in a bare theme the span in the "Submitted by" line.
    // Last, a theme's own template: core's username link anywhere in the comment but the hidden "In reply to" line.
    authorFallback: { css: `.comment__author, [data-comment-user-id] > footer p:not(.visually-hidden) > span, ${THEMED_AUTHOR}`, checkedAgainst: F },
    authorThemed: { css: THEMED_AUTHOR, checkedAgainst: FT },
    text: { css: BODY, checkedAgainst: F },
    /** A bare theme: no field classes; the <div> after the comment's footer holds the title, the words and the links. */
    textFallback: { css: '[data-comment-user-id] > div', checkedAgainst: FS },
    // In a bare theme's words: the comment's title (a link to itself) and its Reply/Edit links.
    notOwn: { css: '.user-signature, .visually-hidden, .element-hidden, h3 a[href*="#comment-"], ul.links', checkedAgainst: F7 },
    time: { css: '[property~="dc:created"], [property~="schema:dateCreated"], time[datetime]', checkedAgainst: F7 },
  },
  // Themes reuse div.comment for wrappers; a comment holds exactly one comment body, or is marked by
  // core and holds none (a bare theme).
  keep: (el) => {
    const bodies = el.querySelectorAll(BODY).length;
    return bodies === 1 || (bodies === 0 && el.matches(CORE_COMMENT));
  },
  permalinkOf: ownLink,
  nativeId: commentNumber,
  composer: 'form.comment-form textarea, #comment-form textarea',
};

export const drupalSite = engineSite(spec);
export const drupalAdapter = engineAdapter(spec, drupalSite);
