/**
 * Issue 20, round 7: the ordinal severity decoder. Escalation cues are read in general terms (our
 * own sentences, none from a fixture), the decoder is monotone (a running minimum over the
 * thresholds, cues with non-negative weights only), and the shipped weights use it.
 */
import { describe, expect, it } from 'vitest';
import { createFeatureSet, extract } from '../../../lib/detect/features';
import { compoundFloor, compoundFloorOfText, ESCALATION_NAMES, ESCALATION_SIZE, escalationCues } from '../../../lib/detect/escalation';
import { detect } from '../../../lib/detect/index';
import { decode } from '../../../lib/detect/model';
import rawWeights from '../../../lib/detect/weights.json';
import { normalise } from '../../../lib/detect/normalise';
import { decodeOrdinal } from '../../../lib/detect/severity';
import { triageOf } from '../../../lib/detect/triage';

function kindsOf(text: string): string[] {
  const f = createFeatureSet();
  const norm = normalise(text);
  extract(norm, f);
  const v = escalationCues(norm, f.lexiconBits, new Float64Array(ESCALATION_SIZE));
  return ESCALATION_NAMES.filter((_, j) => v[j] === 1);
}

describe('escalation cues', () => {
  it('reads churn, repetition, an outage and lost money in words no list names one by one', () => {
    expect(kindsOf('Fourth billing error this year.')).toContain('repetition');
    expect(kindsOf('Second crash since the update.')).toContain('repetition');
    expect(kindsOf('I have asked three times for a callback.')).toContain('repetition');
    expect(kindsOf('The portal was down for six hours.')).toContain('outage');
    expect(kindsOf('Another outage, the dashboard is unreachable.')).toContain('outage');
    expect(kindsOf('We lost two days of orders because of it.')).toContain('loss');
    expect(kindsOf('I was charged twice for one ticket.')).toContain('loss');
    expect(kindsOf('I am cancelling my plan.')).toContain('churn');
  });

  it('counts how many kinds come together', () => {
    expect(kindsOf('Third outage this quarter and we are switching to another host.')).toEqual(
      expect.arrayContaining(['churn', 'repetition', 'outage', 'two kinds', 'three kinds']));
    expect(kindsOf('The checkout button is grey.')).toEqual([]);
  });

  it('takes an ordinal for repetition only when it counts something that went wrong', () => {
    expect(kindsOf('The third party app needs a login.')).not.toContain('repetition');
    expect(kindsOf('Our office is on the second floor.')).not.toContain('repetition');
    expect(kindsOf('Prices went down last month.')).not.toContain('outage');
  });
});

describe('the ordinal decoder', () => {
  it('counts thresholds passed in a row: a later threshold cannot skip a failed one', () => {
    expect(decodeOrdinal([1, -1, 2], null, 0, 0)).toBe(2);
    expect(decodeOrdinal([-0.5, 3, 3], null, 0, 0)).toBe(1);
    expect(decodeOrdinal([2, 1, 0.5], null, 0, 0)).toBe(4);
  });

  it('never lowers the level when a non-negative amount is added to the thresholds (an escalation cue)', () => {
    let seed = 7;
    const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    for (let i = 0; i < 2000; i++) {
      const social = [0, 1, 2].map(() => 6 * rand() - 3), bank = [0, 1, 2].map(() => 6 * rand() - 3);
      const add = [0, 1, 2].map(() => 2 * rand());
      const gate = 6 * rand() - 3;
      const before = decodeOrdinal(social, bank, gate, 0);
      const after = decodeOrdinal(social.map((v, k) => v + add[k]!), bank.map((v, k) => v + add[k]!), gate, 0);
      expect(after).toBeGreaterThanOrEqual(before);
    }
  });

  it('is read from a weights file that declares it, and a negative weight on an escalation cue is refused', () => {
    const shipped = JSON.parse(JSON.stringify(rawWeights)) as { severity: { classes: unknown[]; bank: unknown[]; decoder?: string; escalation?: unknown } };
    const rows = (v: number) => Array.from({ length: 3 }, () => new Array<number>(ESCALATION_SIZE).fill(v));
    const ordinal = { ...shipped, severity: { ...shipped.severity, classes: shipped.severity.classes.slice(0, 3), bank: shipped.severity.bank.slice(0, 3), decoder: 'ordinal', escalation: { social: rows(0.5), bank: rows(0.5) } } };
    try {
      const m = decode(ordinal);
      expect(m.severityOrdinal?.social.length).toBe(3);
      expect(() => decode({ ...ordinal, severity: { ...ordinal.severity, escalation: { social: rows(-0.1), bank: rows(0.5) } } })).toThrow();
    } finally {
      decode(rawWeights); // decode() sets the feature switches: put back the shipped file's
    }
  });
});

/** Our own posts where churn, a repeated failure and an outage come together (none from a fixture or the demo). */
const COMPOUND = [
  'Second outage this week. We are cancelling our contract.',
  'The servers went down again for the fourth time this month, we are switching to another host.',
  'Third time the portal has been down since Monday. I am closing my account.',
  'Another outage, the fifth this year. Done with this provider, refund the rest of the plan.',
  'Our shop was offline yet again during the sale, we are moving to a different platform.',
];

describe('churn, repetition and an outage together', () => {
  it('the text-only floor agrees with the floor from the cue vector', () => {
    for (const t of [...COMPOUND, 'Charged twice on my card this month, where is my refund?', 'The checkout button is grey.', 'Third outage, switching hosts.']) {
      const f = createFeatureSet();
      const norm = normalise(t);
      extract(norm, f);
      expect(compoundFloorOfText(norm), t).toBe(compoundFloor(norm, escalationCues(norm, f.lexiconBits, new Float64Array(ESCALATION_SIZE))));
    }
  });

  it('put a complaint at accusation (3) or above, from the cues, not from any one post', () => {
    const flagged = COMPOUND.map((t) => ({ t, v: detect(t) })).filter(({ v }) => v.complaint);
    expect(flagged.length).toBeGreaterThanOrEqual(4);
    expect(flagged.filter(({ v }) => v.severity < 3).map(({ t, v }) => `${v.severity}: ${t}`)).toEqual([]);
  });

  it('counts as harm every loss of money the triage names, so the two never disagree', () => {
    // Our own sentences: a billing mistake, an unrefunded charge, an unauthorised debit; each repeated, each walking away.
    const posts = [
      'Third billing mistake this quarter. I am closing my account.',
      'Second time I ask: still waiting for my refund, and I am done with you.',
      'Another unauthorised charge, the fifth this year, we are switching to another bank.',
    ];
    for (const t of posts) {
      const v = detect(t);
      expect(v.complaint, t).toBe(true);
      expect(triageOf({ text: t, verdict: v }).reasons, t).toContain('lost money');
      expect(compoundFloorOfText(normalise(t)), t).toBe(3);
      expect(v.severity, t).toBeGreaterThanOrEqual(3);
    }
  });
});

