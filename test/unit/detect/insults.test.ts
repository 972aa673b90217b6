import { describe, expect, it } from 'vitest';
import { insultSpans } from '../../../lib/detect/insults';

const words = (text: string) => insultSpans(text).map((s) => text.slice(s.start, s.end));

describe('insults to blur in an abusive post', () => {
  it('finds the personal attacks, whatever their case, and nothing else', () => {
    expect(words('You INCOMPETENT clowns broke billing again. Shame on you, idiots.')).toEqual(['INCOMPETENT', 'clowns', 'Shame on you', 'idiots']);
    expect(words('f*** you and your f***ing app')).toEqual(['f***', 'f***ing']);
  });

  it('leaves words that only contain an insult alone', () => {
    expect(words('The clownfish theme is dumbfounding; a foolproof fix is welcome.')).toEqual([]);
    expect(words('Billing has been down since Monday.')).toEqual([]);
  });
});
