/**
 * Inline script both synthetic pages carry, in both runs: it counts the posts Frontline marks
 * (data-frontline-post / data-frontline-severity, ARCHITECTURE.md test-contract attributes) and drops
 * a User Timing mark per observer delivery. Those marks land in the trace inside the task that
 * did the marking, which is how the per-slice cost per post is computed. Counting here rather
 * than querying the DOM at the end matters on the timeline: it removes cells it scrolled past,
 * as X does. Without the extension the observer never fires.
 */
export const PAGE_PROBE = `
window.__bench = { marked: 0, flagged: 0, done: false, posts: 0 };
(function () {
  var ids = new Set(), flaggedIds = new Set();
  new MutationObserver(function (records) {
    var fresh = 0;
    for (var i = 0; i < records.length; i++) {
      var r = records[i], id = r.target.getAttribute('data-frontline-post');
      if (r.attributeName === 'data-frontline-post') {
        if (r.oldValue === null) fresh++;
        if (id) ids.add(id);
      } else if (id && r.target.hasAttribute('data-frontline-severity')) {
        flaggedIds.add(id);
      }
    }
    window.__bench.marked = ids.size;
    window.__bench.flagged = flaggedIds.size;
    if (fresh) performance.mark('frontline-marked:' + fresh);
  }).observe(document, {
    subtree: true, attributes: true, attributeOldValue: true,
    attributeFilter: ['data-frontline-post', 'data-frontline-severity'],
  });
})();
`;
