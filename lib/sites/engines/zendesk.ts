import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * Zendesk Guide community posts on any help-centre domain, in the Copenhagen theme and the many themes
 * forked from it. Written from zendesk/copenhagen_theme's templates/community_post_page.hbs: the post is
 * article#main-content (name in .post-meta > span[title] > a, words in .post-body), each comment an
 * li.comment in ul.comment-list (name in .comment-meta > span[title] > a, words in .comment-body, an
 * "Official comment" label above). The name sits in the post's header, before its words; a reader that
 * looks for the name after the words credits each comment to the next one. Checked against a page made
 * from that template.
 */
const F = 'engines/zendesk-copenhagen--help.example-routers.com-community-posts-4410021.html';

const spec: EngineSpec = {
  name: 'zendesk',
  gate: { classes: ['comment-list', 'post-body'] },
  selectors: {
    // Class names on the right: the fingerprint group is tried on every page, and a class is found from its index.
    fingerprint: { css: 'article#main-content .post-body, ul.comment-list > li.comment .comment-body', checkedAgainst: F },
    post: { css: 'article#main-content, ul.comment-list > li.comment', checkedAgainst: F },
    author: { css: '.post-meta > span[title], .comment-meta > span[title]', checkedAgainst: F },
    text: { css: '.post-body, .comment-body', checkedAgainst: F },
    time: { css: '.meta-group time[datetime]', checkedAgainst: F },
  },
  // Help-centre articles share the article id but have no community words: not a customer's post.
  keep: (el) => el.querySelector('.post-body, .comment-body') !== null,
  // The post's own address is the page; a comment's is its li's id as the fragment.
  permalinkOf: (el) => (el.matches('li.comment') && el.id ? `#${el.id}` : null),
  composer: '.comment-form textarea, .post-comments textarea',
};

export const zendeskSite = engineSite(spec);
export const zendeskAdapter = engineAdapter(spec, zendeskSite);
