import { SHAPES6 } from '../../../scripts/sites/score';
import { describeHeldOutSet } from './held-out-set';

/**
 * The sixth test set (test/fixtures/sites/shapes6, README there): engines and comment systems no other
 * set covers, modelled on their public templates (Zendesk Copenhagen, Phorum, Coral, Cusdis,
 * HyperKitty, GitLab, Ghost comments-ui, JForum, a news front page), written before the eighth pass
 * and held out from tuning. Like shapes5.test.ts it lists the pages still short (from `npm run
 * score:sites`), so a page that gets better or worse fails until the list says so; on no page is
 * anything read that is not a post.
 */
const STILL_SHORT = new Set([
  'gitlab-merge-request.html', // the description and first comment read; the two notes of a discussion thread not
]);

describeHeldOutSet(
  'sixth test set (held out): engines and comment systems modelled on their public templates',
  SHAPES6,
  9,
  STILL_SHORT,
);
