import type * as Messages from '../messages';
import type * as PageReplies from '../page-replies';

/**
 * The message schemas (lib/messages.ts), for the page's script: built on first use, in tasks of
 * their own, not while the script is evaluated. Building them (zod, with the records, settings and
 * model schemas they reuse) was 25–30 ms of the 45–65 ms the script's evaluation cost the page
 * (research/page/probe-evaluation.ts --modules): on the 50,000-comment flood page that evaluation
 * alone was a long task of ours. Every message is still parsed with these schemas before it is used;
 * nothing is read from a message until they are built.
 */
let loading: Promise<typeof Messages> | undefined;
let loaded: typeof Messages | undefined;

/** A timer, not a microtask: what follows runs in a task of its own. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function messageSchemas(): Promise<typeof Messages> {
  // One module's schemas per task, the ones the protocol reuses first: built in one task they were
  // 37–51 ms of ours on the 50,000-comment page (probe-flood-tasks, profile build), a long task again.
  // The replies' summary and the lexicon go on their own too: messages.ts reuses the detector's
  // adapter-state schema, whose module loads the lexicon, which builds its table as it loads (12 ms
  // of the 47 ms the last step still took on bench:flood's page, research/page/probe-flood-growing.ts,
  // profile build). Loaded here only to move that into a task of its own: the page script runs no
  // model (the schema living apart from the features would spare the page the table at all).
  // And the schemas resolve in a task of their own: whoever waited on them (the first reply's parse,
  // the session's start) would otherwise run in the last step's task (52–110 ms of ours there).
  loading ??= nextTask()
    .then(() => import('../model/post'))
    .then(nextTask)
    .then(() => import('../model/verdict'))
    .then(nextTask)
    .then(() => import('../db/records'))
    .then(nextTask)
    .then(() => import('../settings/schema'))
    .then(nextTask)
    .then(() => import('../model/returning'))
    .then(nextTask)
    .then(() => import('../detect/lexicon'))
    .then(nextTask)
    .then(() => import('../messages'))
    .then(async (m) => {
      await nextTask();
      return (loaded = m);
    });
  return loading;
}

/** The schemas if already built (no wait), else undefined. */
export const builtSchemas = (): typeof Messages | undefined => loaded;

let replies: Promise<typeof PageReplies> | undefined;

/** The requests lib/page-replies.ts answers, known without loading it (the type keeps the two lists one). */
const PAGE_REPLY_TYPES: Record<PageReplies.PageReplyType, true> = { 'cs→bg:score': true, 'cs→bg:posts-seen': true, 'cs→bg:page-settings': true };
export const isPageReplyType = (type: string): type is PageReplies.PageReplyType => Object.hasOwn(PAGE_REPLY_TYPES, type);

/**
 * The schemas of the answers a page's reading waits on (its settings, score batches, posts seen:
 * lib/page-replies.ts), without the rest of the protocol: on a page that only reads, the whole
 * protocol's build (40–80 ms of ours on the flood pages, traced, issue 18) never happens. The
 * settings' schema (the larger part) and the answers' are built in tasks of their own, and resolve a
 * task later, as messageSchemas does.
 */
export function replySchemas(): Promise<typeof PageReplies> {
  replies ??= nextTask()
    .then(() => import('../settings/schema'))
    .then(nextTask)
    .then(() => import('../page-replies'))
    .then(async (m) => {
      await nextTask();
      return m;
    });
  return replies;
}
