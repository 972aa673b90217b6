/**
 * Drafts kept per post while the page is open, so closing the helper (or opening another
 * post's) never loses what the agent wrote. They live in the overlay script's memory, in the
 * extension's isolated world: the page cannot read them, and they end with the tab. A draft is
 * dropped once its reply is inserted or copied, or when the agent discards it.
 */
export interface Draft {
  text: string;
  templateId: string | null;
  /** The template's own text, so the honesty check still knows what came from it. */
  templateText: string;
  followUp: string;
  followUpTime: string;
}

const drafts = new Map<string, Draft>();
const MAX_DRAFTS = 200;

export function saveDraft(postId: string, draft: Draft): void {
  drafts.delete(postId);
  drafts.set(postId, draft);
  // Oldest first out: a page open for a day does not grow without end.
  if (drafts.size > MAX_DRAFTS) drafts.delete(drafts.keys().next().value!);
}

export function draftFor(postId: string): Draft | undefined {
  return drafts.get(postId);
}

export function dropDraft(postId: string): void {
  drafts.delete(postId);
}

/** A fresh page: used when the overlay is torn down, and by tests that stand for a new page. */
export function forgetAllDrafts(): void {
  drafts.clear();
}
