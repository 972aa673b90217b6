import type * as Messages from '../messages';

/**
 * The message schemas (lib/messages.ts), for the page's script: built on first use, in a task of
 * their own, not while the script is evaluated. Building them (zod, with the records, settings and
 * model schemas they reuse) was 25–30 ms of the 45–65 ms the script's evaluation cost the page
 * (research/page/probe-evaluation.ts --modules): on the 50,000-comment flood page that evaluation
 * alone was a long task of ours. Every message is still parsed with these schemas before it is used;
 * nothing is read from a message until they are built.
 */
let loading: Promise<typeof Messages> | undefined;
let loaded: typeof Messages | undefined;

export function messageSchemas(): Promise<typeof Messages> {
  // A timer, not a microtask: the schemas are built after the task that asked for them has ended.
  loading ??= new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(() => import('../messages'))
    .then((m) => (loaded = m));
  return loading;
}

/** The schemas if already built (no wait), else undefined. */
export const builtSchemas = (): typeof Messages | undefined => loaded;
