// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';

/**
 * Issue 16 item 4 / issue 18 (bench:flood's long task of ours): the code waiting on the message
 * schemas (the first reply's parse, the scanning session's start) ran in the same task as the last
 * schemas' build, 52–110 ms of ours in one task on bench:flood's page (profile build, traced). What a
 * page would notice: one long task when our script starts. Here: when the schemas resolve, a task has
 * passed since the last schema was built.
 */

const clock = { building: false };

vi.mock('zod', async (importOriginal) => {
  const real = await importOriginal<typeof import('zod')>();
  // Each schema built marks "building" until the next task: a timer queued now runs before any queued later.
  const marking = (make: (...args: never[]) => unknown) =>
    function (this: unknown, ...args: never[]) {
      if (!clock.building) {
        clock.building = true;
        setTimeout(() => (clock.building = false), 0);
      }
      return make.apply(this, args);
    };
  const z = { ...real.z };
  for (const name of ['object', 'string', 'number', 'boolean', 'array', 'enum', 'literal', 'union', 'discriminatedUnion', 'url', 'unknown', 'tuple', 'record', 'looseObject'] as const) {
    (z as Record<string, unknown>)[name] = marking((real.z as unknown as Record<string, (...a: never[]) => unknown>)[name]!);
  }
  return { ...real, z, default: z };
});

describe('the message schemas', () => {
  it('resolve in a task after the last one was built, not in the building task', async () => {
    const { messageSchemas } = await import('../../../lib/content/protocol');
    const stillBuilding = await messageSchemas().then(() => clock.building);
    expect(stillBuilding).toBe(false);
    // And they still parse: a forged message is refused.
    const schemas = await messageSchemas();
    expect(schemas.BackgroundToContent.safeParse({ type: 'bg→cs:nonsense' }).success).toBe(false);
  });
});
