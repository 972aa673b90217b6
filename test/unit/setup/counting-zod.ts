/**
 * zod with its schema constructors counted, for tests that check how many schemas a module builds
 * (what the page's script costs on load). Used from a vi.mock factory:
 *   vi.mock('zod', async (importOriginal) => (await import('../setup/counting-zod')).countingZod(await importOriginal(), built));
 * Every schema, however made (z.object, .extend, .pick…), runs a constructor's init: count those.
 */
type Zod = typeof import('zod');

const CONSTRUCTORS = ['object', 'string', 'number', 'boolean', 'array', 'enum', 'literal', 'union', 'discriminatedUnion', 'url', 'unknown', 'tuple', 'record', 'looseObject'] as const;

export function countingZod(real: Zod, built: { count: number }): Zod {
  const counting = (make: (...args: never[]) => unknown) =>
    function (this: unknown, ...args: never[]) {
      built.count += 1;
      return make.apply(this, args);
    };
  const z = { ...real.z };
  for (const name of CONSTRUCTORS) {
    (z as Record<string, unknown>)[name] = counting((real.z as unknown as Record<string, (...a: never[]) => unknown>)[name]!);
  }
  return { ...real, z, default: z } as Zod;
}
