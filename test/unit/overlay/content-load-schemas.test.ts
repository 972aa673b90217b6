// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';

/**
 * Issue 18 / issue 16 item 4: loading the page's script built every zod schema of the protocol,
 * the records and the settings (25–30 ms of the 45–65 ms its evaluation cost; on the flood page that
 * evaluation was a long task of ours). The content script's modules now build none when they load;
 * the schemas are built on first use, in a task of their own, and still parse every message.
 * Counted: schema constructors zod ran.
 */

const built = { count: 0 };

vi.mock('zod', async (importOriginal) => (await import('../setup/counting-zod')).countingZod(await importOriginal(), built));

describe('loading the page script', () => {
  it('builds no message schema until a message is parsed, then parses with them', async () => {
    await import('../../../lib/content/frontline');
    await import('../../../lib/content/score-channel');
    await import('../../../lib/content/session');
    expect(built.count).toBe(0);

    const { messageSchemas } = await import('../../../lib/content/protocol');
    const schemas = await messageSchemas();
    expect(built.count).toBeGreaterThan(50);
    // The schemas do their work: a well-formed answer passes, a forged one is refused.
    const none = { flagged: [], score: [], severity: [], signals: [], cues: [], notRead: [], language: [] };
    expect(schemas.parseReply('cs→bg:score', { ok: true, ...none }).ok).toBe(true);
    expect(schemas.parseReply('cs→bg:score', { ok: true, ...none, flagged: [9_999], score: [1], severity: [1], signals: [0], cues: [[]] }).ok).toBe(false);
    expect(schemas.BackgroundToContent.safeParse({ type: 'bg→cs:ping' }).success).toBe(true);
    expect(schemas.BackgroundToContent.safeParse({ type: 'bg→cs:nonsense' }).success).toBe(false);
  });
});
