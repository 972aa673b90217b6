import { describe, expect, it } from 'vitest';
import {
  buildVariables,
  checkTone,
  describeUnfilled,
  DEFAULT_TEMPLATES,
  expandSnippet,
  fitForPlatform,
  parseSnippet,
  parseTemplatesImport,
  rankTemplates,
  TemplateSchema,
  type Situation,
} from '../../../lib/snippets';
import type { Signals } from '../../../lib/types';
import { FRIDAY, JANE, SAM_ON_X } from './fixtures';

const NO_SIGNALS: Signals = { brand: false, churn: false, abuse: false, question: false, urgency: false };
const situation = (over: Partial<Omit<Situation, 'signals'>> & { signals?: Partial<Signals> }): Situation => ({
  severity: 2,
  platform: 'wordpress',
  returning: false,
  ...over,
  signals: { ...NO_SIGNALS, ...over.signals },
});
const { vars } = buildVariables(JANE, SAM_ON_X, { now: FRIDAY });

describe('DEFAULT_TEMPLATES', () => {
  it('are valid templates with unique ids', () => {
    for (const t of DEFAULT_TEMPLATES) expect(TemplateSchema.parse(t)).toEqual(t);
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.id, t] as const))('%s expands cleanly, greets by name and has tab stops', (_id, t) => {
    expect(parseSnippet(t.body).ok).toBe(true);
    const e = expandSnippet(t.body, vars);
    expect(e.error).toBeUndefined();
    expect(e.unknownVariables).toEqual([]);
    expect(t.body).toContain('${CUSTOMER_FIRST_NAME');
    expect(e.text).toMatch(/^(Hi )?Sam,/);
    expect(e.stops.filter((s) => s.index > 0).length).toBeGreaterThan(0);
    expect(e.text).not.toMatch(/\$\{|\$\d/);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.id, t] as const))('%s states nothing about the case: its only warnings are fields to fill, and filled in the agent\'s words it passes', (_id, t) => {
    const draft = expandSnippet(t.body, vars).text;
    const warnings = checkTone(draft, { fromTemplate: draft });
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.map((w) => w.kind)).toEqual(warnings.map(() => 'placeholder'));
    expect(describeUnfilled(draft)).toMatch(/^Fill in or delete before sending: /);
    // Every tab stop the agent lands on is a visible field, never a plausible sentence.
    const e = expandSnippet(t.body, vars);
    for (const stop of e.stops.filter((s) => s.index > 0)) {
      const [a, b] = stop.ranges[0]!;
      expect(e.text.slice(a, b)).toMatch(/^\[.+\]$/);
    }
    const filled = draft.replace(/\[[^\]]+\]/g, 'the export button is missing');
    expect(checkTone(filled, { fromTemplate: draft })).toEqual([]);
    expect(checkTone(t.body).filter((w) => w.kind !== 'no-next-step' && w.kind !== 'placeholder')).toEqual([]);
  });

  it('asks for the agent\'s phone and email as fields when the profile has none, instead of leaving a gap', () => {
    const noContact = buildVariables({ ...JANE, phone: '', email: '' }, SAM_ON_X, { now: FRIDAY }).vars;
    const privately = DEFAULT_TEMPLATES.find((t) => t.id === 'move-to-private')!;
    const text = expandSnippet(privately.body, noContact).text;
    expect(text).toContain('call me directly on [your phone] or email me at [your email]');
    expect(describeUnfilled(text)).toContain('your phone; your email');
  });

  it('sign with the agent, and the ones that promise a date carry FOLLOW_UP_DATE', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(t.body).toContain('${SIGNATURE}');
      if (t.setsFollowUp) expect(t.body).toContain('${FOLLOW_UP_DATE}');
    }
  });

  it('include the X variant, which fits in 280 even with a long name and a long follow-up day', () => {
    const x = DEFAULT_TEMPLATES.find((t) => t.platforms?.includes('x'))!;
    const longAgent = { ...JANE, fullName: 'Maximiliana Wolfeschlegelsteinhausen', company: 'Consolidated Amalgamated Widgets' };
    const longVars = buildVariables(longAgent, { ...SAM_ON_X, name: 'Bartholomew-Christopher Smith' }, { now: new Date(2026, 8, 28) }).vars;
    expect(longVars.FOLLOW_UP_DATE).toBe('Wednesday 30 September');
    const fitted = fitForPlatform(expandSnippet(x.body, longVars).text, longAgent, 'x');
    expect(fitted.overBy).toBe(0);
    expect(fitted.signature).not.toBe('none');
  });
});

describe('rankTemplates', () => {
  const top = (s: Situation) => rankTemplates(DEFAULT_TEMPLATES, s)[0]!;

  it('puts the boundary reply first for a personal attack', () => {
    expect(top(situation({ severity: 4, signals: { abuse: true } })).template.id).toBe('calm-boundary');
  });

  it('puts the churn reply first when the customer is leaving, and explains why', () => {
    const r = top(situation({ severity: 4, signals: { churn: true } }));
    expect(r.template.id).toBe('churn-without-begging');
    expect(r.reason).toBe('may leave · fits severity 4');
  });

  it('puts the follow-up first for a returning customer', () => {
    expect(top(situation({ severity: 3, returning: true })).template.id).toBe('follow-up-on-promise');
  });

  it('puts the short variant first on X and sinks it elsewhere', () => {
    expect(top(situation({ platform: 'x' })).reason).toContain('for X');
    const elsewhere = rankTemplates(DEFAULT_TEMPLATES, situation({ platform: 'reddit' })).map((r) => r.template);
    const xAt = elsewhere.findIndex((t) => t.id === 'x-short');
    const plainFits = elsewhere.filter((t) => t.severities.includes(2) && !t.platforms && !t.returning && !t.signals?.some((k) => k !== 'brand'));
    expect(plainFits.length).toBeGreaterThan(0);
    for (const t of plainFits) expect(elsewhere.indexOf(t)).toBeLessThan(xAt);
  });

  it('never suggests thanking a critic to someone whose service is down, even at a low severity', () => {
    const outage = situation({ severity: 1, platform: 'reddit', signals: { brand: true, urgency: true } });
    const ids = rankTemplates(DEFAULT_TEMPLATES, outage).map((r) => r.template.id);
    expect(ids.slice(0, 3)).not.toContain('thank-the-critic');
    // The same words without the outage: honest feedback, and the thank-you is a fitting reply.
    const feedback = situation({ severity: 1, platform: 'reddit', signals: { brand: true } });
    expect(rankTemplates(DEFAULT_TEMPLATES, feedback).slice(0, 3).map((r) => r.template.id)).toContain('thank-the-critic');
  });

  it('answers a question with "I don\'t know yet" before an apology', () => {
    expect(top(situation({ severity: 1, signals: { question: true } })).template.id).toBe('dont-know-yet');
  });

  it('returns every template, sorted by score, without changing the input', () => {
    const before = DEFAULT_TEMPLATES.map((t) => t.id);
    const ranked = rankTemplates(DEFAULT_TEMPLATES, situation({ severity: 0 }));
    expect(ranked).toHaveLength(DEFAULT_TEMPLATES.length);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    expect(DEFAULT_TEMPLATES.map((t) => t.id)).toEqual(before);
  });
});

describe('parseTemplatesImport', () => {
  const good = { id: 'a', title: 'Thanks', body: 'Thanks ${1:Sam}', tags: ['x'], severities: [1] };

  it('accepts a list or { templates }, filling optional defaults', () => {
    const r = parseTemplatesImport({ templates: [{ id: 'b', title: 'B', body: 'hi' }] });
    expect(r).toEqual({ ok: true, templates: [{ id: 'b', title: 'B', body: 'hi', tags: [], severities: [] }] });
    expect(parseTemplatesImport([good])).toEqual({ ok: true, templates: [good] });
  });

  it('names the template, the field and the snippet error', () => {
    expect(parseTemplatesImport([good, { ...good, id: 'b' }, { ...good, id: 'c', body: 'Hi there ${1:name' }])).toEqual({
      ok: false,
      error: 'template 3: body: unclosed ${ at offset 9',
    });
    expect(parseTemplatesImport([{ ...good, body: '${1|a,,b|}' }])).toEqual({
      ok: false,
      error: 'template 1: body: bad choice: empty option at offset 6',
    });
  });

  it('rejects bad fields, duplicates and non-lists with a readable message', () => {
    const severity = parseTemplatesImport([{ ...good, severities: [7] }]);
    expect(severity.ok === false && severity.error).toMatch(/^template 1: severities\.0: /);
    const signal = parseTemplatesImport([{ ...good, signals: ['anger'] }]);
    expect(signal.ok === false && signal.error).toMatch(/^template 1: signals\.0: /);
    expect(parseTemplatesImport([good, good])).toEqual({ ok: false, error: 'template 2: id: "a" is used twice' });
    expect(parseTemplatesImport('nope')).toEqual({ ok: false, error: 'expected a list of templates (or { "templates": [...] })' });
    expect(parseTemplatesImport([{ ...good, title: '  ' }])).toEqual({ ok: false, error: 'template 1: title: must not be empty' });
  });
});
