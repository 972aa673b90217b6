import { SHAPES10 } from '../../../scripts/sites/score';
import { describeHeldOutSet } from './held-out-set';

/**
 * The tenth test set (test/fixtures/sites/shapes10, README there): an Askbot question, a Forem article's
 * comments, a Phabricator task, a Launchpad bug, a Jira Server issue, a PieFed post, a Medium story's
 * responses, a pipermail message and its month index — engines no other set covers, written and scored
 * blind on main before the thirteenth pass. Like shapes9.test.ts it lists the pages still short (from
 * `npm run score:sites`), so a page that gets better or worse fails until the list says so.
 */
// Blind on main (06be539): 2/9 pages, 16/31 posts, 1 read beyond the expected count (3 reads that are not posts).
// After the thirteenth pass (no longer blind): 7/9 pages, 29/31 posts, 0 read that are not posts.
const STILL_SHORT = new Set([
  // Its last comment quotes with a '>' line inside the same paragraph: the quote is read as its words.
  'launchpad-bug.html',
  // A page of one archived mail, no classes and no people's links: the gate stays shut, nothing is read.
  'pipermail-message.html',
]);

describeHeldOutSet(
  'tenth test set (held out): trackers, Q&A, mailing-list archives, fediverse and blog comments no other set covers',
  SHAPES10,
  9,
  STILL_SHORT,
);
