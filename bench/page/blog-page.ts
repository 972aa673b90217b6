import { PAGE_PROBE } from './page-probe';
import { authorFor, escapeHtml, seededRandom, textFor } from './texts';

export const BLOG_HOST = 'blog.example.org';
export const BLOG_PATH = '/2026/11/post/';
export const BLOG_COMMENTS = 2_000;
/** Every tenth comment gets one threaded reply, as busy WordPress posts have. */
const REPLY_EVERY = 10;

/** One comment in WordPress core's HTML5 markup (comment_form / wp_list_comments, 'html5' support). */
function commentHtml(id: number, n: number, random: () => number, reply: string): string {
  const { name, handle } = authorFor(random);
  const at = new Date(Date.UTC(2026, 10, 2, 8, 0, 0) + n * 97_000);
  const when = at.toISOString().replace(/\.\d+Z$/, '+00:00');
  return `<li id="comment-${id}" class="comment ${n % 2 ? 'odd alt' : 'even'} thread-${n % 2 ? 'odd' : 'even'} depth-1">
<article id="div-comment-${id}" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="avatar avatar-32 photo" height="32" width="32" loading="lazy"><b class="fn"><a href="https://${handle}.example.net/" class="url" rel="ugc external nofollow">${escapeHtml(name)}</a></b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="${BLOG_PATH}#comment-${id}"><time datetime="${when}">${at.toDateString()} at ${at.toTimeString().slice(0, 5)}</time></a></div></footer>
<div class="comment-content"><p>${escapeHtml(textFor(n, random))}</p></div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom=${id}#respond" data-commentid="${id}" data-postid="4242" aria-label="Reply to ${escapeHtml(name)}">Reply</a></div>
</article>${reply}</li>`;
}

/** A long WordPress post with 2,000 comments, all in the HTML (no lazy loading: the worst case for a first scan). */
export function blogHtml(): string {
  const random = seededRandom(7);
  const items: string[] = [];
  let n = 0;
  let id = 9001;
  while (n < BLOG_COMMENTS) {
    const parent = commentHtml(id++, n++, random, '');
    if (n % REPLY_EVERY === 0 && n < BLOG_COMMENTS) {
      const child = commentHtml(id++, n++, random, '').replace('depth-1', 'depth-2');
      items.push(parent.replace(/<\/li>$/, `<ol class="children">${child}</ol></li>`));
    } else {
      items.push(parent);
    }
  }
  return `<!doctype html>
<html lang="en-US"><head><meta charset="UTF-8"><meta name="generator" content="WordPress 6.8">
<title>Our November release notes – Example Blog</title>
<style>body { font: 16px/1.6 Georgia, serif; max-width: 720px; margin: 0 auto; padding: 2em; } .comment-body { padding: 1em 0; border-bottom: 1px solid #ddd; }
.children { list-style: none; margin-left: 2em; } .comment-list { list-style: none; padding: 0; } .avatar { float: left; margin-right: .5em; }</style>
<script>${PAGE_PROBE}</script></head>
<body class="post-template-default single single-post postid-4242">
<main id="main" class="site-main"><article id="post-4242" class="post-4242 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">Our November release notes</h1></header>
<div class="entry-content">${'<p>What changed this month, and why. Sync is faster, the editor keeps your drafts, and billing pages load in half the time.</p>'.repeat(12)}</div>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">${BLOG_COMMENTS} thoughts on “Our November release notes”</h2>
<ol class="comment-list">
${items.join('\n')}
</ol>
<div id="respond" class="comment-respond"><form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p></form></div>
</div></main>
<script>window.__bench.posts = ${BLOG_COMMENTS}; window.__bench.done = true; window.__benchStart = function () {};</script>
</body></html>`;
}
