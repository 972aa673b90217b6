/**
 * Finding the posts of a page no adapter knows: the repeated blocks that share structure, each with
 * an author and words of its own. Pure DOM reads (no layout), every walk budgeted.
 *
 * How: every element gets a signature (tag + first stable class, or tag + id pattern); signatures
 * that repeat among siblings are candidate post types; each candidate is scored on a sample of its
 * members (author found, own words, not link lists, not in navigation/sidebars/footers), and the
 * best one wins if it is convincing. Nothing convincing: no posts, said honestly.
 */
import { authorOf, inBadRegion } from './parts';
import { signature } from './signature';

/** Elements looked at per page, whatever its size: a 20,000-block page is read as its first part. */
export const ELEMENT_BUDGET = 12_000;
/** Members sampled per candidate: enough to tell posts from a link list, cheap on a 5,000-post page. */
const SAMPLE = 24;
/** At most this many posts per page (a page of 20,000 blocks is not a conversation we can answer). */
export const POST_BUDGET = 600;

export interface PostType {
  sig: string;
  members: Element[];
  score: number;
}

const WORDS_MIN = 12;

/** Words of an element, cheaply: textContent length minus its links' text (link density). */
function textStats(el: Element): { text: number; links: number } {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  let links = 0;
  const anchors = el.getElementsByTagName('a');
  for (let i = 0; i < anchors.length && i < 200; i++) links += (anchors[i]!.textContent ?? '').trim().length;
  return { text, links };
}

/** Score one candidate post type on a sample of its members; 0 when it does not look like posts. */
function scoreType(sig: string, members: Element[]): number {
  const step = Math.max(1, Math.floor(members.length / SAMPLE));
  let sampled = 0;
  let good = 0;
  let timed = 0;
  for (let i = 0; i < members.length && sampled < SAMPLE; i += step) {
    const m = members[i]!;
    sampled += 1;
    if (inBadRegion(m)) continue;
    // Cheapest tests first: words and link density, then the author scan.
    const { text, links } = textStats(m);
    // A related-articles or recent-comments list is mostly link text; a post is mostly words.
    if (text - links < WORDS_MIN || links > text * 0.6) continue;
    const author = authorOf(m, sig);
    if (!author || text - links - author.name.length < WORDS_MIN) continue;
    good += 1;
    if (m.querySelector('time, [datetime], [data-time], [data-timestamp]')) timed += 1;
  }
  if (sampled === 0 || good / sampled < 0.6) return 0;
  const share = good / sampled;
  // Names that say "post" or "comment" and machine-readable times are what posts look like.
  const named = /comment|post|message|reply|entry|answer|review|thread|item|note|response|discussion/i.test(sig) ? 1.25 : 1;
  const withTime = 1 + 0.5 * (timed / sampled);
  return Math.round(members.length * share) * named * withTime;
}

/**
 * The page's post type, or null. `members` are every element with the winning signature (lone
 * nested replies included), in document order, cut to POST_BUDGET.
 */
export function findPostType(root: ParentNode, explain?: (sig: string, members: number, score: number) => void): PostType | null {
  const all = (root as Element | Document).getElementsByTagName?.('*');
  if (!all) return null;
  const n = Math.min(all.length, ELEMENT_BUDGET);
  // Signatures repeated among siblings; and every element of each signature, in order.
  const bySig = new Map<string, Element[]>();
  const repeated = new Set<string>();
  // Each element's signature once: the sibling look-back below asks for it again.
  const sigs = new Map<Element, string | null>();
  const sigOf = (el: Element): string | null => {
    let s = sigs.get(el);
    if (s === undefined) sigs.set(el, (s = signature(el)));
    return s;
  };
  for (let i = 0; i < n; i++) {
    const el = all[i]!;
    const sig = sigOf(el);
    if (!sig) continue;
    let list = bySig.get(sig);
    if (!list) bySig.set(sig, (list = []));
    if (list.length < POST_BUDGET) list.push(el);
    // Repeated among siblings: one of the few before it (anchors, ads or dividers sit between posts).
    if (!repeated.has(sig)) {
      let prev = el.previousElementSibling;
      for (let k = 0; prev && k < 4; k++, prev = prev.previousElementSibling) {
        if (sigOf(prev) === sig) {
          repeated.add(sig);
          break;
        }
      }
    }
  }
  let best: PostType | null = null;
  for (const sig of repeated) {
    const members = bySig.get(sig)!;
    if (members.length < 2) continue;
    const score = scoreType(sig, members);
    explain?.(sig, members.length, score);
    if (score <= 0) continue;
    if (!best || score > best.score || (score === best.score && members[0]!.contains(best.members[0]!))) {
      best = { sig, members, score };
    }
  }
  // Two posts at least: one block with a name and words is as likely an author box as a post.
  return best && best.score >= 2 ? best : null;
}
