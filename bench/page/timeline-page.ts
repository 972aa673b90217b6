import { PAGE_PROBE } from './page-probe';
import { authorFor, seededRandom, textFor } from './texts';

export const TIMELINE_HOST = 'x.com';
export const TIMELINE_PATH = '/bench/timeline';
export const TIMELINE_POSTS = 5_000;
const FIRST_SCREEN = 20;
const BATCH = 20;
/** One batch per 50 ms: 5,000 posts in ~12.5 s, faster than anyone reads a timeline. */
const BATCH_INTERVAL_MS = 50;
/**
 * Like X, the page keeps a window of cells and drops those far above the viewport (a spacer
 * keeps the scroll position). Without this the page's own layout of 5,000 cells produced
 * ~200 long tasks per run with no extension at all, which says nothing about Frontline.
 */
const KEEP_CELLS = 120;
const CELL_HEIGHT_PX = 150;

interface TweetData {
  id: string;
  name: string;
  handle: string;
  text: string;
  time: string;
}

function tweets(): TweetData[] {
  const random = seededRandom(4);
  const start = Date.UTC(2026, 10, 20, 9, 0, 0);
  return Array.from({ length: TIMELINE_POSTS }, (_, n) => {
    const { name, handle } = authorFor(random);
    return {
      id: String(1993012657403187514n + BigInt(n) * 7919n),
      name,
      handle,
      text: textFor(n, random),
      time: new Date(start - n * 61_000).toISOString(),
    };
  });
}

/**
 * One timeline cell as X renders it today: cellInnerDiv → article[data-testid=tweet] with the
 * avatar, User-Name (display name link, @handle link, time link to /status/<id>), tweetText
 * and the action bar. Nesting depth and attributes follow test/fixtures/sites/twitter; the
 * atomic class names are X's style. Kept as page-side JS so the page builds cells itself.
 */
const CELL_FUNCTION = `
function esc(s) { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }
function cell(t) {
  var h = esc(t.handle), n = esc(t.name);
  var when = new Date(t.time).toLocaleDateString('en', { month: 'short', day: 'numeric' });
  var action = function (id, label) {
    return '<div class="css-175oi2r r-18u37iz r-1h0z5md"><button aria-label="' + label + '" role="button" class="css-175oi2r r-1777fci" data-testid="' + id + '" type="button"><div dir="ltr" class="css-146c3p1 r-bcqeeo"><div class="css-175oi2r r-xoduu5"><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9"><g><path d="M1.751 10c0-4.42 3.584-8 8.005-8h4.366"></path></g></svg></div><div class="css-175oi2r r-xoduu5 r-1udh08x"><span class="css-1jxf684 r-1ttztb7"><span>' + ((t.id.length * 7) % 40) + '</span></span></div></div></button></div>';
  };
  return '<div class="css-175oi2r r-1igl3o0 r-qklmqi" data-testid="cellInnerDiv"><div class="css-175oi2r r-1adg3ll r-1ny4l3l"><div class="css-175oi2r">' +
    '<article aria-labelledby="id__' + t.id + '" role="article" tabindex="0" class="css-175oi2r r-18u37iz r-1udh08x r-1c4vpko" data-testid="tweet">' +
    '<div class="css-175oi2r r-eqz5dr r-16y2uox r-1wbh5a2"><div class="css-175oi2r r-16y2uox r-1wbh5a2 r-1ny4l3l"><div class="css-175oi2r"><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-1iusvr4 r-16y2uox r-ttdzmv"></div></div></div>' +
    '<div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-18kxxzh r-1wron08 r-onrtq4 r-1awozwy"><div class="css-175oi2r" data-testid="Tweet-User-Avatar"><div class="css-175oi2r r-18kxxzh r-1wbh5a2 r-13qz1uu"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><div class="css-175oi2r r-bztko3 r-1adg3ll" data-testid="UserAvatar-Container-' + h + '" style="width: 40px; height: 40px;"><a href="/' + h + '" role="link" class="css-175oi2r r-1pi2tsx r-13qz1uu"><div class="avatar" aria-label="' + n + '"></div></a></div></div></div></div></div>' +
    '<div class="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci r-kzbkwu"><div class="css-175oi2r r-zl2h9q"><div class="css-175oi2r r-k4xj1c r-18u37iz r-1wtj0ep"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l">' +
    '<div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l" id="id__' + t.id + '" data-testid="User-Name"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><a href="/' + h + '" role="link" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr"><span class="css-1jxf684 r-dnmrzs r-1udh08x"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">' + n + '</span></span></div></div></a></div></div>' +
    '<div class="css-175oi2r r-18u37iz r-1wbh5a2 r-1ez5h0i"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><a href="/' + h + '" role="link" tabindex="-1" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div dir="ltr" class="css-146c3p1 r-dnmrzs r-1udh08x"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">@' + h + '</span></div></a></div>' +
    '<div dir="ltr" aria-hidden="true" class="css-146c3p1 r-bcqeeo r-1q142lx"><span class="css-1jxf684 r-bcqeeo">·</span></div>' +
    '<div class="css-175oi2r r-18u37iz r-1q142lx"><a href="/' + h + '/status/' + t.id + '" dir="ltr" aria-label="' + when + '" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-1loqt21"><time datetime="' + t.time + '">' + when + '</time></a></div></div></div></div></div></div>' +
    '<div class="css-175oi2r r-1kkk96v"><button aria-label="More" role="button" class="css-175oi2r r-1777fci" data-testid="caret" type="button"><svg viewBox="0 0 24 24" aria-hidden="true"><g><path d="M3 12c0-1.1.9-2 2-2s2 .9 2 2-.9 2-2 2-2-.9-2-2z"></path></g></svg></button></div></div></div>' +
    '<div class="css-175oi2r"><div dir="auto" lang="en" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-bnwqim" id="id__text' + t.id + '" data-testid="tweetText"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">' + esc(t.text) + '</span></div></div>' +
    '<div class="css-175oi2r"><div class="css-175oi2r r-1kbdv8c r-18u37iz r-1oszu61 r-3qxfft" aria-label="replies, reposts, likes" role="group">' +
    action('reply', 'Reply') + action('retweet', 'Repost') + action('like', 'Like') + action('bookmark', 'Bookmark') +
    '</div></div></div></div></div></div></article></div></div></div>';
}
`;

/** Static first screen + page script that grows the feed on a timer once the benchmark says go. */
export function timelineHtml(): string {
  const data = tweets();
  return `<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Home / X</title>
<style>
body { margin: 0; font: 15px -apple-system, "Segoe UI", Roboto, sans-serif; background: #000; color: #e7e9ea; }
main { display: flex; justify-content: center; }
nav { width: 260px; } section[aria-labelledby] { width: 600px; border: 1px solid #2f3336; }
[data-testid="cellInnerDiv"] { border-bottom: 1px solid #2f3336; padding: 12px 16px; height: ${CELL_HEIGHT_PX - 25}px; overflow: hidden; }
.avatar { width: 40px; height: 40px; border-radius: 50%; background: #333; }
.r-18u37iz { display: flex; } [role="group"] { display: flex; justify-content: space-between; max-width: 425px; margin-top: 12px; }
button { background: none; border: 0; color: #71767b; } a { color: inherit; text-decoration: none; }
</style>
<script>${PAGE_PROBE}</script></head>
<body><div id="react-root"><main role="main"><nav aria-label="Primary" role="navigation"><a href="/home">Home</a> <a href="/explore">Explore</a></nav>
<section aria-labelledby="accessible-list-1" role="region"><h1 id="accessible-list-1">Your Home Timeline</h1>
<div aria-label="Timeline: Your Home Timeline"><div id="spacer"></div><div id="feed" style="position: relative;"></div></div></section></main></div>
<script>
${CELL_FUNCTION}
var TWEETS = ${JSON.stringify(data).replace(/</g, '\\u003c')};
var feed = document.getElementById('feed');
var spacer = document.getElementById('spacer');
var next = 0, dropped = 0;
function appendBatch(size) {
  var html = '';
  for (var end = Math.min(next + size, TWEETS.length); next < end; next++) html += cell(TWEETS[next]);
  feed.insertAdjacentHTML('beforeend', html);
  window.__bench.posts = next;
  var extra = feed.children.length - ${KEEP_CELLS};
  if (extra > 0) {
    for (var i = 0; i < extra; i++) feed.firstElementChild.remove();
    dropped += extra;
    spacer.style.height = dropped * ${CELL_HEIGHT_PX} + 'px';
  }
}
appendBatch(${FIRST_SCREEN});
window.__benchStart = function () {
  var timer = setInterval(function () {
    appendBatch(${BATCH});
    if (next >= TWEETS.length) { clearInterval(timer); window.__bench.done = true; }
  }, ${BATCH_INTERVAL_MS});
};
</script></body></html>`;
}
