/**
 * Money in templates. VS Code snippet syntax reads `$` followed by digits as a tab stop, so
 * "We refunded $20 to your card." expands to "We refunded  to your card." and "$5.99" to ".99",
 * silently. This finds every `$<digits>` in a template's source that is most likely an amount,
 * so the editor and the helper can say so before a reply drops it.
 */
export interface SwallowedAmount {
  /** Offsets in the template source. */
  start: number;
  end: number;
  /** As written: "$20", "$5.99". */
  written: string;
  /** The escaped form that keeps it: "\$20". */
  escaped: string;
}

const DOLLAR_DIGITS = /\$(\d+)([.,]\d+)?/g;

/**
 * A `$N` is taken for an amount unless it is a real stop: `$0` (the final caret), or `$N` when
 * the template also defines stop N with a placeholder or choice (`${N:…}`, `${N|…|}`), which makes
 * it a mirror. Anything followed by decimals ("$5.99") is an amount whatever its number.
 */
export function findSwallowedAmounts(source: string): SwallowedAmount[] {
  const defined = new Set([...source.matchAll(/\$\{(\d+)[:|]/g)].map((m) => m[1]));
  const found: SwallowedAmount[] = [];
  for (const m of source.matchAll(DOLLAR_DIGITS)) {
    if (escaped(source, m.index)) continue;
    const [written, digits, decimals] = m as unknown as [string, string, string | undefined];
    const isStop = !decimals && (digits === '0' || defined.has(digits));
    if (isStop) continue;
    found.push({ start: m.index, end: m.index + written.length, written, escaped: `\\${written}` });
  }
  return found;
}

/** "$20" in the text will vanish: a one-line warning naming each and how to keep it, or null. */
export function describeSwallowedAmounts(source: string): string | null {
  const found = findSwallowedAmounts(source);
  if (found.length === 0) return null;
  const list = found.map((f) => `“${f.written}” (write ${f.escaped})`).join(', ');
  return `Snippet syntax reads $ and a number as a field, so this template drops ${found.length === 1 ? 'an amount' : 'amounts'}: ${list}.`;
}

/** True when the `$` at `at` is escaped by an odd number of backslashes. */
function escaped(source: string, at: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= 0 && source[i] === '\\'; i--) n++;
  return n % 2 === 1;
}
