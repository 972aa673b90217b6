import { PAGE_PROBE } from './page-probe';

/**
 * The two hostile pages of issue 18, WordPress-style comment markup (the same as bench:flood), every
 * comment a complaint by a new name:
 * - a page that holds 50,000 of them at once (built by the page's own script at load, so the HTML
 *   stays small; the baseline pays the same build);
 * - a churning page that adds 50 every 250 ms for CHURN_SECONDS once the benchmark says go.
 */
export const FLOOD_HOST = 'flood.example';
export const FLOOD_STATIC_PATH = '/static/';
export const FLOOD_STATIC_POSTS = 50_000;
export const FLOOD_CHURN_PATH = '/churn/';
export const CHURN_BATCH = 50;
export const CHURN_EVERY_MS = 250;
export const CHURN_SECONDS = Number(process.env.FLOOD_CHURN_SECONDS ?? 20);
export const FLOOD_CHURN_POSTS = (CHURN_SECONDS * 1000 / CHURN_EVERY_MS + 1) * CHURN_BATCH;

const COMMENT_FUNCTION = `
function comment(n) {
  var li = document.createElement('li');
  li.className = 'comment';
  li.id = 'comment-' + n;
  li.innerHTML = '<article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Flood Person ' + n + '</b></div></footer>' +
    '<div class="comment-content"><p>Acme charged me twice (order ' + n + ') and nobody answers my emails, this is ridiculous</p></div></article>';
  return li;
}
function addComments(from, count) {
  var frag = document.createDocumentFragment();
  for (var i = 0; i < count; i++) frag.append(comment(from + i));
  document.querySelector('ol.commentlist').append(frag);
}`;

function floodShell(script: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="generator" content="WordPress 6.8"><title>Flood</title>
<style>body { font: 16px/1.5 Georgia, serif; max-width: 720px; margin: 0 auto; padding: 2em; } .comment-body { padding: .5em 0; border-bottom: 1px solid #ddd; } .commentlist { list-style: none; padding: 0; }</style>
<script>${PAGE_PROBE}</script></head>
<body><article><h1>Post</h1><p>Words.</p></article><div id="comments" class="comments-area"><ol class="commentlist"></ol></div>
<script>${COMMENT_FUNCTION}
${script}</script></body></html>`;
}

export function floodStaticHtml(): string {
  return floodShell(`addComments(1, ${FLOOD_STATIC_POSTS});
window.__bench.posts = ${FLOOD_STATIC_POSTS}; window.__bench.done = true; window.__benchStart = function () {};`);
}

export function floodChurnHtml(): string {
  // The first batch is there at load, as on a live page: a reader picks its adapter from what it finds then.
  return floodShell(`addComments(1, ${CHURN_BATCH});
var n = ${CHURN_BATCH + 1};
window.__bench.posts = ${CHURN_BATCH};
window.__benchStart = function () {
  var timer = setInterval(function () {
    addComments(n, ${CHURN_BATCH});
    n += ${CHURN_BATCH};
    window.__bench.posts = n - 1;
    if (n > ${FLOOD_CHURN_POSTS}) { clearInterval(timer); window.__bench.done = true; }
  }, ${CHURN_EVERY_MS});
};`);
}
