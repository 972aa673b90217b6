export type WriteOutcome = { ok: true } | { ok: false; error: string };

/**
 * What became of a write the helper asked the background for. No reply (the extension was
 * reloaded), a refusal, or a thrown error all mean the agent's action is not in the log, and
 * the helper must say so instead of "Reply copied".
 */
export async function outcomeOf(reply: Promise<unknown>): Promise<WriteOutcome> {
  try {
    const r = (await reply) as { ok?: unknown; error?: unknown } | undefined;
    if (r?.ok === true) return { ok: true };
    const error = typeof r?.error === 'string' && r.error ? r.error : 'Frontline did not answer (reload the page)';
    return { ok: false, error };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The status line after an action whose log write failed: what happened, then what did not. */
export function notLogged(done: string, outcome: Extract<WriteOutcome, { ok: false }>): string {
  return `${done} But it was not saved to your log: ${outcome.error}.`;
}
