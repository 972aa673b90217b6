/**
 * The protocol's names and limits that code without the schemas needs (lib/messages.ts re-exports
 * them): the page's script builds the zod schemas only when it first parses a message
 * (lib/content/protocol.ts), so loading it on a page builds none (issue 18: the script's evaluation).
 */

/** Posts per `cs→bg:score` batch at most. */
export const SCORE_BATCH_MAX = 500;

/**
 * Score batches travel over one long-lived port per frame (lib/content/score-channel.ts), not one
 * sendMessage each: every sendMessage opens a channel, which cost the page ~0.7 ms a batch. Each
 * request is `{ seq, msg }` with msg a `cs→bg:score`, routed like any message (sender, schema);
 * each answer `{ seq, reply }`.
 */
export const SCORE_PORT = 'frontline-score';
