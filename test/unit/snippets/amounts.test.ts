import { describe, expect, it } from 'vitest';
import { buildVariables, DEFAULT_TEMPLATES, describeSwallowedAmounts, expandSnippet, findSwallowedAmounts } from '../../../lib/snippets';
import { FRIDAY, JANE, SAM_ON_X } from './fixtures';

const vars = buildVariables(JANE, SAM_ON_X, { now: FRIDAY }).vars;

describe('amounts the snippet syntax would swallow', () => {
  it('the trap is real: "$20" and "$5.99" vanish from the expansion', () => {
    expect(expandSnippet('We refunded $20 to your card.', vars).text).toBe('We refunded  to your card.');
    expect(expandSnippet('It costs $5.99 a month.', vars).text).toBe('It costs .99 a month.');
  });

  it('names each amount and its escaped form, which expands to the amount', () => {
    const body = 'We refunded $20 to your card; the plan is $5.99 a month.$0';
    expect(findSwallowedAmounts(body).map((f) => [f.written, f.escaped])).toEqual([
      ['$20', '\\$20'],
      ['$5.99', '\\$5.99'],
    ]);
    expect(describeSwallowedAmounts(body)).toBe('Snippet syntax reads $ and a number as a field, so this template drops amounts: “$20” (write \\$20), “$5.99” (write \\$5.99).');
    expect(expandSnippet('We refunded \\$20 to your card.', vars).text).toBe('We refunded $20 to your card.');
  });

  it('leaves real stops alone: $0, and a mirror of a defined field', () => {
    expect(findSwallowedAmounts('Hi ${1:[name]}, as $1 said.$0')).toEqual([]);
    expect(findSwallowedAmounts('Pick ${2|yes,no|} ($2).')).toEqual([]);
    expect(findSwallowedAmounts('Already escaped: \\$20.')).toEqual([]);
    // Even stop 1 is an amount when it carries decimals.
    expect(findSwallowedAmounts('${1:[x]} costs $1.50')).toHaveLength(1);
  });

  it('no shipped template drops an amount', () => {
    for (const t of DEFAULT_TEMPLATES) expect(describeSwallowedAmounts(t.body), t.id).toBeNull();
  });
});
