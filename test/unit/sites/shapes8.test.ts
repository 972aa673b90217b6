import { SHAPES8 } from '../../../scripts/sites/score';
import { describeHeldOutSet } from './held-out-set';

/**
 * The eighth test set (test/fixtures/sites/shapes8, README there): forum, Q&A, review and comment
 * engines no other set covers (XenForo 2, WoltLab, Talkyard, Apache Answer, Mbin, IP.Board 3, Discourse's
 * embedded comments, schema.org reviews), written and scored blind on main before the eleventh pass; no
 * longer blind since that pass read its failures. Like shapes7.test.ts it lists the pages still short
 * (from `npm run score:sites`), so a page that gets better or worse fails until the list says so, and
 * no page reads anything that is not a post.
 */
// Blind on main: 5/9 pages. Since the eleventh pass talkyard-topic.html (a letter avatar is not the name),
// discourse-embed-comments.html ("Sep '24" is a date) and mbin-thread.html (blockquote comments; the titled
// entry) read right.
const STILL_SHORT = new Set(['apache-answer-question.html']);

describeHeldOutSet(
  'eighth test set (held out): forum, Q&A, review and comment engines no other set covers',
  SHAPES8,
  9,
  STILL_SHORT,
);
