import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  activeRange,
  expandSnippet,
  isAtFinalStop,
  nextStop,
  shiftStopsAfterEdit,
  startStops,
  syncMirrors,
  type StopState,
  type TabStop,
} from '../../../lib/snippets';

/** Applies a textarea edit to both the text and the stops, as the reply helper does. */
function type(state: StopState, start: number, removed: number, inserted: string): StopState {
  return {
    ...state,
    text: state.text.slice(0, start) + inserted + state.text.slice(start + removed),
    stops: shiftStopsAfterEdit(state.stops, start, removed, inserted.length),
  };
}
const selected = (s: StopState) => {
  const r = activeRange(s)!;
  return s.text.slice(r[0], r[1]);
};

describe('tab-stop navigation', () => {
  const e = expandSnippet('Hi ${1:name}, order ${2:number}. ${1} thanks$0', {});

  it('walks forward and back, clamped at both ends', () => {
    let s = startStops(e.text, e.stops);
    expect(selected(s)).toBe('name');
    s = nextStop(s, 1);
    expect(selected(s)).toBe('number');
    expect(isAtFinalStop(s)).toBe(false);
    s = nextStop(s, 1);
    expect(isAtFinalStop(s)).toBe(true);
    expect(nextStop(s, 1)).toBe(s);
    s = nextStop(nextStop(nextStop(s, -1), -1), -1);
    expect(selected(s)).toBe('name');
  });

  it('follows the agent typing over placeholders and mirrors the result', () => {
    let s = startStops(e.text, e.stops);
    const [a, b] = activeRange(s)!;
    s = type(s, a, b - a, 'Samantha');
    s = syncMirrors(s);
    expect(s.text).toBe('Hi Samantha, order number. Samantha thanks');
    s = nextStop(s, 1);
    expect(selected(s)).toBe('number');
    const [c, d] = activeRange(s)!;
    s = type(s, c, d - c, '#4411');
    expect(s.text).toBe('Hi Samantha, order #4411. Samantha thanks');
    s = nextStop(s, 1);
    expect(activeRange(s)).toEqual([s.text.length, s.text.length]);
  });

  it('grows an empty stop as the agent types into it, one key at a time', () => {
    const x = expandSnippet('Dear $1, hello', {});
    let s = startStops(x.text, x.stops);
    for (const ch of 'Sam') {
      const [, end] = activeRange(s)!;
      s = type(s, end, 0, ch);
    }
    expect(s.text).toBe('Dear Sam, hello');
    expect(selected(s)).toBe('Sam');
  });

  it('keeps the text of every stop intact when the edit happens elsewhere', () => {
    const stopsFor = (n: number): TabStop[] => [{ index: 1, ranges: [[n, n + 3]] }];
    fc.assert(
      fc.property(
        fc.string({ minLength: 10, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 5 }),
        (text, rs, es, rl, ins) => {
          if (text.length < 4) return;
          const start = rs % (text.length - 3);
          const stops = stopsFor(start);
          const editStart = es % (text.length + 1);
          const removed = rl % (text.length - editStart + 1);
          const editEnd = editStart + removed;
          const touches = removed === 0 ? editStart >= start && editStart <= start + 3 : editStart < start + 3 && editEnd > start;
          if (touches) return;
          const after = text.slice(0, editStart) + ins + text.slice(editEnd);
          const [[a, b]] = shiftStopsAfterEdit(stops, editStart, removed, ins.length)[0]!.ranges as [[number, number]];
          expect(after.slice(a, b)).toBe(text.slice(start, start + 3));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps ranges valid for any edit', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(60), fc.nat(20), fc.nat(20), (s0, len, at, removed, inserted) => {
        const textLength = 120;
        const range: [number, number] = [s0, s0 + len];
        const edit = Math.min(at, textLength - removed);
        const [[a, b]] = shiftStopsAfterEdit([{ index: 1, ranges: [range] }], edit, removed, inserted)[0]!.ranges as [[number, number]];
        expect(0 <= a && a <= b && b <= textLength - removed + inserted).toBe(true);
      }),
    );
  });
});
