/**
 * The hostile page of bench:flood (issue 16): 50 new comments by new names every 250 ms, forever, in a
 * WordPress-like list. Shared with research/page/probe-flood-growing.ts, which traces it.
 */
export function floodHtml(): string {
  // The page's own script: distinct people, each complaining about Acme, appended forever.
  const script = `
    let n = 0;
    const list = document.querySelector('ol.commentlist');
    setInterval(() => {
      const frag = document.createDocumentFragment();
      for (let i = 0; i < 50; i++) {
        n++;
        const li = document.createElement('li');
        li.className = 'comment';
        li.id = 'comment-' + n;
        li.innerHTML = '<article><footer><div class="comment-author vcard"><b class="fn">Flood Person ' + n + '</b></div></footer>' +
          '<div class="comment-content"><p>Acme charged me twice (order ' + n + ') and nobody answers my emails, this is ridiculous</p></div></article>';
        frag.append(li);
      }
      list.append(frag);
    }, 250);`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Flood</title></head><body><article><h1>Post</h1><p>Words.</p></article><div id="comments"><ol class="commentlist"></ol></div><script>${script}</script></body></html>`;
}
