import type { EventInput, RecordPostsItem } from './records';

/**
 * A write that failed for lack of space, kept so nothing the agent did is lost. The
 * service worker may die at any moment (MV3), so it goes to the `pending` store, not memory.
 */
export type PendingWrite =
  | { id?: number; createdAt: number; kind: 'recordPosts'; items: RecordPostsItem[]; now: number }
  | { id?: number; createdAt: number; kind: 'recordEvent'; input: EventInput };

export type PendingInput = Omit<Extract<PendingWrite, { kind: 'recordPosts' }>, 'id' | 'createdAt'> |
  Omit<Extract<PendingWrite, { kind: 'recordEvent' }>, 'id' | 'createdAt'>;
