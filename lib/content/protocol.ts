import type * as Messages from '../messages';

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
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function messageSchemas(): Promise<typeof Messages> {
  // One module's schemas per task, the ones the protocol reuses first: built in one task they were
  // 37–51 ms of ours on the 50,000-comment page (probe-flood-tasks, profile build), a long task again.
  loading ??= nextTask()
    .then(() => import('../model/post'))
    .then(nextTask)
    .then(() => import('../model/verdict'))
    .then(nextTask)
    .then(() => import('../db/records'))
    .then(nextTask)
    .then(() => import('../settings/schema'))
    .then(nextTask)
    .then(() => import('../messages'))
    .then((m) => (loaded = m));
  return loading;
}

/** The schemas if already built (no wait), else undefined. */
export const builtSchemas = (): typeof Messages | undefined => loaded;
