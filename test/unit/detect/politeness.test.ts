/**
 * The politeness and grievance shapes (lib/detect/politeness.ts) the complaint model reads, on
 * sentences of our own (not from the held-out list or the demo pages).
 */
import { describe, expect, it } from 'vitest';
import { createFeatureSet, DENSE_NAMES, extract } from '../../../lib/detect/features';
import { normalise } from '../../../lib/detect/normalise';

const fs = createFeatureSet();
function shapes(text: string): { calmQuestion: number; praiseOnly: number; unmet: number } {
  extract(normalise(text), fs);
  const at = (name: string) => fs.dense[DENSE_NAMES.indexOf(name)]!;
  return { calmQuestion: at('shape:calm-question'), praiseOnly: at('shape:praise-only'), unmet: at('shape:unmet-expectation') };
}

describe('politeness shapes', () => {
  it('mark a question that carries no grievance, and not one that does', () => {
    expect(shapes('Which version of the plugin did you run this with?').calmQuestion).toBe(1);
    expect(shapes('Why is my order still missing after three weeks?').calmQuestion).toBe(0);
    expect(shapes('Why was I charged twice?').calmQuestion).toBe(0);
  });

  it('mark praise and thanks for the post, unless a grievance sits beside them', () => {
    expect(shapes('Thanks for sharing, a really insightful read.').praiseOnly).toBe(1);
    expect(shapes('Thanks for sharing, but the app is still broken for me.').praiseOnly).toBe(0);
  });

  it('mark a promise set against what happened, not a promise merely cited', () => {
    expect(shapes('The brochure promised next-day delivery, yet it took two weeks.').unmet).toBe(1);
    expect(shapes('The plan was supposed to include backups and it does not.').unmet).toBe(1);
    expect(shapes('They promised a dark mode for the spring release.').unmet).toBe(0);
    // A cited promise is no calm question either: the model weighs it, the shape does not excuse it.
    expect(shapes('The manual claims two hours of charging is enough?').calmQuestion).toBe(0);
  });

  it('are the same with and without a handle or in capitals', () => {
    const base = shapes('The brochure promised next-day delivery, yet it took two weeks.');
    expect(shapes('@shipco The brochure promised next-day delivery, yet it took two weeks.')).toEqual(base);
    expect(shapes('THE BROCHURE PROMISED NEXT-DAY DELIVERY, YET IT TOOK TWO WEEKS.')).toEqual(base);
  });
});
