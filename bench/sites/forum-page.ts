/** bench:sites' generated forum page: posts with a linked name, a time, words, a quote every fifth post, action buttons. */
export function forumPage(posts: number): string {
  const item = (i: number) =>
    `<div class="post" id="post-${i}"><div class="post-head"><a class="username" href="/users/u${i % 37}">member${i % 37}</a> ` +
    `<a href="#post-${i}"><time datetime="2025-06-01T10:${String(i % 60).padStart(2, '0')}:00Z">June 1</time></a></div>` +
    `<div class="post-body"><p>Reply ${i}: the update broke checkout for me as well, three failed payments today.</p>` +
    (i % 5 === 0 ? `<blockquote>quoted words of an earlier reply</blockquote>` : '') +
    `</div><div class="post-actions"><button>Reply</button><button>Like</button></div></div>`;
  return `<!doctype html><html><head><title>Thread</title></head><body><nav class="main-nav"><a href="/">Home</a></nav>
    <main><h1>Checkout broken since update</h1><div class="thread">${Array.from({ length: posts }, (_, i) => item(i)).join('')}</div></main>
    <footer class="site-footer">© forum</footer></body></html>`;
}
