import { useEffect, useMemo, useRef, useState } from 'react';
import { SEVERITY_LABELS } from '@/lib/content/marks';
import type { ContentToBackgroundMessage, CustomerHistory, ReturningSummary } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { addBusinessDays, describeReminder, followUpDueAt, parseDateInput, toDateInput } from '@/lib/time/calendar';
import { now, nowDate } from '@/lib/time/clock';
import {
  buildVariables,
  DEFAULT_FOLLOW_UP_BUSINESS_DAYS,
  checkTone,
  describeSwallowedAmounts,
  describeUnfilled,
  expandSnippet,
  expandShortcutAt,
  fitForPlatform,
  stopsFromPlaceholders,
  moveFollowUpDate,
  PLATFORM_NAMES,
  rankTemplates,
  applyRewrite,
  type TabStop,
  type Template,
  type ToneWarning,
  X_MAX_WEIGHTED_LENGTH,
  xWeightedLength,
} from '@/lib/snippets';
import type { Post, Verdict } from '@/lib/types';
import { notLogged, outcomeOf, type WriteOutcome } from '@/lib/content/write-outcome';
import { HelperCorrectionButtons } from './CorrectionButtons';
import { CustomerCard } from './CustomerCard';
import { draftFor, dropDraft, saveDraft } from './drafts';
import { DraftMarks } from './DraftMarks';
import { InternalNote } from './InternalNote';
import { ToneWarnings } from './ToneWarnings';
import { TeamNote } from './TeamNote';
import { TriageNote } from './TriageNote';
import { situationOf } from './situation';
import { useSnippetEditor } from './useSnippetEditor';

export interface HelperTargetView {
  post: Post;
  verdict: Verdict;
  summary?: ReturningSummary;
  /** What we know of this customer, asked by our frame when the helper opens (`ui→bg:history`). */
  history?: CustomerHistory;
}

export interface ReplyHelperProps {
  target: HelperTargetView;
  settings: Settings;
  templates: Template[];
  send: (msg: ContentToBackgroundMessage) => Promise<unknown>;
  /** Puts the text into the site's reply box; resolves to a message for the agent. */
  insert: (text: string) => Promise<{ ok: boolean; message: string }>;
  onClose: () => void;
  /** Set by the palette: apply this template right away. */
  requestedTemplateId?: string | null;
  /** Changes with every palette request, so the same template asked for again applies again. */
  requestNonce?: number;
}

/**
 * The reply helper: who the customer is, why the post was flagged, templates ranked for the
 * situation, a snippet editor with tab stops, a live honesty and tone check, and the actions.
 * Page text is only ever rendered as React text.
 */
export function ReplyHelper({ target, settings, templates, send, insert, onClose, requestedTemplateId, requestNonce = 0 }: ReplyHelperProps) {
  const { post, verdict, summary, history } = target;
  const editor = useSnippetEditor();
  const [templateId, setTemplateId] = useState<string | null>(null);
  /** The draft as the template produced it: what came from the template, not from the agent. */
  const [templateText, setTemplateText] = useState('');
  const [followUp, setFollowUp] = useState<string>('');
  const [followUpTime, setFollowUpTime] = useState<string>(settings.reminderTime);
  const [status, setStatus] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const [allTemplates, setAllTemplates] = useState(false);
  /** Text copied but not yet confirmed as posted: a copy is not a reply until the agent says so. */
  const [copiedText, setCopiedText] = useState<string | null>(null);
  /** The agent's own draft that a palette template replaced, until they restore it or send. */
  const [replaced, setReplaced] = useState<{ text: string; templateId: string | null; templateText: string } | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  const ranked = useMemo(() => rankTemplates(templates, situationOf(post, verdict, summary)), [templates, verdict, post, summary]);

  const profile = settings.profile;
  const missingProfile = useMemo(
    () => (['fullName', 'title', 'company', 'phone', 'email'] as const).filter((k) => !profile[k]),
    [profile],
  );

  const variablesNow = () =>
    buildVariables(
      profile,
      { name: post.author, handle: post.handle, platform: post.platform, postUrl: post.permalink ?? '' },
      { now: nowDate(), followUpDate: parseDateInput(followUp) ?? undefined },
    ).vars;

  const apply = (template: Template) => {
    const vars = variablesNow();
    const expansion = expandSnippet(template.body, vars);
    setTemplateId(template.id);
    if (expansion.error) {
      setStatus({ text: `This template has an error: ${expansion.error.message} (at character ${expansion.error.offset}). Fix it in Options → Templates.`, tone: 'error' });
      editor.load(template.body, []);
      return;
    }
    if (expansion.unknownVariables.length > 0) {
      setStatus({ text: `Unknown variable${expansion.unknownVariables.length > 1 ? 's' : ''}: ${expansion.unknownVariables.map((v) => `\${${v}}`).join(', ')} — left in the text for you to replace.`, tone: 'error' });
    } else setStatus(null);
    if (template.setsFollowUp && !followUp) setFollowUp(toDateInput(addBusinessDays(nowDate(), DEFAULT_FOLLOW_UP_BUSINESS_DAYS)));
    // The signature form is chosen once, here: on X a full block that would not fit becomes the
    // short one. After this the draft is the agent's; Insert sends exactly what they see.
    // Only the profile fields the agent chose for this kind of site sign it (Options → profile).
    const fitted = fitForPlatform(expansion.text, profile, post.platform, settings.signatureFields);
    const stops = fitted.text === expansion.text ? expansion.stops : clampStops(expansion.stops, fitted.text.length);
    editor.load(fitted.text, stops);
    setTemplateText(fitted.text);
  };

  useEffect(() => {
    void send({ type: 'cs→bg:interaction-event', post, verdict, event: 'helper-opened' });
    dialogRef.current?.focus();
    // Opening the helper for a post is the one moment to log; later renders must not log again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [post.id]);

  const templatesReady = templates.length > 0;
  useEffect(() => {
    if (!templatesReady) return;
    // The agent's own draft for this post comes back as they left it, unless the palette asked
    // for a template on purpose.
    const kept = requestedTemplateId ? undefined : draftFor(post.id);
    if (kept) {
      editor.load(kept.text, stopsFromPlaceholders(kept.text));
      setTemplateId(kept.templateId);
      setTemplateText(kept.templateText);
      setFollowUp(kept.followUp);
      setFollowUpTime(kept.followUpTime);
      setStatus({ text: 'Your draft for this post is back, as you left it.', tone: 'ok' });
      return;
    }
    const requested = requestedTemplateId ? templates.find((t) => t.id === requestedTemplateId) : undefined;
    // A template asked for from the palette replaces this post's draft; the agent's own words
    // stay one click away instead of being lost.
    const own = draftFor(post.id);
    if (requested && own) setReplaced({ text: own.text, templateId: own.templateId, templateText: own.templateText });
    const first = requested || ranked[0]?.template;
    if (first) apply(first);
    if (requested && own) setStatus({ text: `“${requested.title}” replaced your draft. Restore draft brings your words back.`, tone: 'ok' });
    // Prefill once templates are loaded (they arrive from storage after the first render) or
    // when the palette asks for a template; the agent's later edits are never overwritten.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [post.id, requestedTemplateId, requestNonce, templatesReady]);

  const restore = () => {
    if (!replaced) return;
    editor.load(replaced.text, stopsFromPlaceholders(replaced.text));
    setTemplateId(replaced.templateId);
    setTemplateText(replaced.templateText);
    setReplaced(null);
    setStatus({ text: 'Your draft is back.', tone: 'ok' });
  };

  // Every change is kept for this post until the reply goes out or the agent discards it.
  useEffect(() => {
    // Only the agent's edits make a draft: an untouched template is simply suggested again.
    if (editor.text.trim() && editor.text !== templateText) saveDraft(post.id, { text: editor.text, templateId, templateText, followUp, followUpTime });
    else dropDraft(post.id);
  }, [post.id, editor.text, templateId, templateText, followUp, followUpTime]);

  /** Every keystroke in the draft; "/sorry" and a space expands that template in place (Text Blaze style). */
  const onDraftChange = (value: string, caret: number) => {
    const expanded = expandShortcutAt(value, caret, templates, variablesNow());
    if (!expanded) return editor.onChange(value);
    if (expanded.wholeDraft) return apply(expanded.template);
    editor.load(expanded.text, expanded.stops);
    // What the template wrote is the template's, not the agent's: the honesty check knows it.
    setTemplateText((t) => `${t}\n${expanded.text.slice(expanded.start, expanded.end)}`);
    if (expanded.template.setsFollowUp && !followUp) setFollowUp(toDateInput(addBusinessDays(nowDate(), DEFAULT_FOLLOW_UP_BUSINESS_DAYS)));
    setStatus({ text: `${expanded.template.shortcut} became “${expanded.template.title}”: Tab moves through its fields.`, tone: 'ok' });
  };

  /** One control sets both the reminder and the day the reply promises (when the text still names it). */
  const changeFollowUp = (value: string) => {
    const from = parseDateInput(followUp);
    const to = parseDateInput(value);
    if (from && to) {
      const inDraft = moveFollowUpDate(editor.text, from, to);
      if (inDraft.moved) editor.onChange(inDraft.text);
      setTemplateText((t) => moveFollowUpDate(t, from, to).text);
    }
    setFollowUp(value);
  };

  const discard = () => {
    dropDraft(post.id);
    const first = ranked[0]?.template;
    if (first) apply(first);
    setStatus({ text: 'Draft discarded; the suggested template is back.', tone: 'ok' });
  };

  const length = useMemo(() => measureFor(post.platform, editor.text), [editor.text, post.platform]);
  const draft = editor.text;
  const warnings = useMemo(() => checkTone(editor.text, { fromTemplate: templateText }), [editor.text, templateText]);
  // The finding under the caret: its underline and its card are shown as the current one.
  const [caret, setCaret] = useState(-1);
  const currentWarning = warnings.findIndex((w) => w.words !== '' && caret >= w.start && caret <= w.end);
  const marksRef = useRef<HTMLDivElement>(null);
  const rewrite = (w: ToneWarning) => {
    const out = applyRewrite(editor.text, w);
    if (out) editor.replaceText(out.text, out.select);
  };
  const show = (w: ToneWarning) => editor.selectRange(w.start, w.end);
  // Fields the agent has not filled or deleted: nothing goes out with a hole or a made-up fact.
  const unfilled = useMemo(() => describeUnfilled(editor.text), [editor.text]);
  // A template that wrote "$20" lost the amount on expansion: never let that pass unsaid.
  const amountNote = useMemo(() => {
    const body = templates.find((t) => t.id === templateId)?.body;
    return body ? describeSwallowedAmounts(body) : null;
  }, [templates, templateId]);
  const canSend = editor.text.trim() !== '' && unfilled === null;

  /** Logs the reply (and its follow-up); the first failure, if any, is what the agent is told. */
  const logUse = async (event: 'reply-inserted' | 'reply-copied'): Promise<WriteOutcome> => {
    const logged = await outcomeOf(send({ type: 'cs→bg:interaction-event', post, verdict, event, text: draft, templateId: templateId ?? undefined }));
    if (!logged.ok || !followUp) return logged;
    const dueAt = followUpDueAt(followUp, followUpTime, now());
    if (dueAt === null) return logged;
    return outcomeOf(send({ type: 'cs→bg:interaction-event', post, verdict, event: 'follow-up-set', dueAt, text: draft }));
  };

  const report = (done: string, tone: 'ok' | 'error', logged: WriteOutcome) =>
    setStatus(logged.ok ? { text: done, tone } : { text: notLogged(done, logged), tone: 'error' });

  const onInsert = async () => {
    const result = await insert(draft);
    if (result.ok) {
      report(result.message, 'ok', await logUse('reply-inserted'));
      dropDraft(post.id);
    } else if (await copy(draft)) {
      report(`${result.message} Once it is posted, press “I posted it”.`, 'error', await logUse('reply-copied'));
      setCopiedText(draft);
      dropDraft(post.id);
    } else {
      setStatus({ text: 'No reply box found and the browser refused clipboard access: select the text above and copy it.', tone: 'error' });
    }
  };

  const onCopy = async () => {
    if (!(await copy(draft))) {
      setStatus({ text: 'The browser refused clipboard access; select the text and copy it.', tone: 'error' });
      return;
    }
    report('Reply copied, not yet logged as a reply. Paste it into the reply box; once it is posted, press “I posted it”.', 'ok', await logUse('reply-copied'));
    setCopiedText(draft);
    dropDraft(post.id);
  };

  /** The agent's word that the copied text went out: only now is it logged as a reply. */
  const onConfirmPosted = async () => {
    if (copiedText === null) return;
    const logged = await outcomeOf(send({ type: 'cs→bg:interaction-event', post, verdict, event: 'reply-confirmed', text: copiedText, templateId: templateId ?? undefined }));
    if (logged.ok) setCopiedText(null);
    report('Logged as replied.', 'ok', logged);
  };

  const onResolve = async () => {
    const logged = await outcomeOf(send({ type: 'cs→bg:interaction-event', post, verdict, event: 'status', status: 'resolved' }));
    setStatus(logged.ok ? { text: 'Marked resolved.', tone: 'ok' } : { text: `Not marked resolved: ${logged.error}.`, tone: 'error' });
  };

  const overBy = length.limit === null ? 0 : Math.max(0, length.value - length.limit);
  const limitNote =
    length.limit === null ? `${length.value} characters` : `${length.value} / ${length.limit}${overBy > 0 ? ` — ${overBy} over` : ''}`;

  return (
    <div
      className="fl-helper"
      role="dialog"
      aria-modal="false"
      aria-label={`Reply to ${post.author || 'customer'} as support`}
      tabIndex={-1}
      ref={dialogRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="fl-helper-head">
        <div className="fl-brand" aria-hidden="true">F</div>
        <h2 className="fl-title">Reply as support</h2>
        <button type="button" className="fl-icon-btn" aria-label="Close reply helper" onClick={onClose}>×</button>
      </header>

      <div className="fl-helper-body">
        <CustomerCard post={post} verdict={verdict} summary={summary} history={history} />
        <TriageNote post={post} verdict={verdict} summary={summary} />
        <TeamNote post={post} send={send} />
        <HelperCorrectionButtons post={post} verdict={verdict} send={send} />

        <section aria-label="Templates" className="fl-section">
          <h3 className="fl-h3">Suggested templates</h3>
          <ul className="fl-templates" role="list">
            {ranked.slice(0, allTemplates ? ranked.length : 3).map(({ template, reason }) => (
              <li key={template.id}>
                <button
                  type="button"
                  className={`fl-template${template.id === templateId ? ' is-active' : ''}`}
                  aria-pressed={template.id === templateId}
                  onClick={() => apply(template)}
                >
                  <span className="fl-template-title">
                    {template.title}
                    {template.shortcut ? <span className="fl-template-shortcut"> {template.shortcut}</span> : null}
                  </span>
                  <span className="fl-template-reason">{reason}</span>
                </button>
              </li>
            ))}
          </ul>
          {ranked.length > 3 ? (
            <button type="button" className="fl-link-btn" aria-expanded={allTemplates} onClick={() => setAllTemplates((v) => !v)}>
              {allTemplates ? 'Fewer templates' : `All templates (${ranked.length})`}
            </button>
          ) : null}
        </section>

        <section className="fl-section">
          <label className="fl-h3" htmlFor="fl-draft">Your reply</label>
          <div className="fl-editor-wrap">
            <DraftMarks text={editor.text} warnings={warnings} current={currentWarning} ref={marksRef} />
            <textarea
              id="fl-draft"
              ref={editor.ref}
              className="fl-editor fl-editor-input"
              aria-label="Reply text"
              aria-describedby="fl-draft-hint"
              value={editor.text}
              rows={9}
              spellCheck
              onChange={(e) => onDraftChange(e.target.value, e.target.selectionStart)}
              onKeyDown={editor.onKeyDown}
              onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
              onScroll={(e) => {
                // The underlines scroll with the words they sit under.
                if (marksRef.current) marksRef.current.scrollTop = e.currentTarget.scrollTop;
              }}
            />
          </div>
          <div id="fl-draft-hint" className="fl-editor-meta">
            <span>Tab / Shift+Tab: fields · /shortcut + space: template</span>
            <span className={overBy > 0 ? 'fl-over' : ''}>
              {PLATFORM_NAMES[post.platform]} · {limitNote}
            </span>
          </div>
          {editor.currentChoices ? (
            <div className="fl-choices" role="group" aria-label="Choices for this field">
              {editor.currentChoices.map((c) => (
                <button key={c} type="button" className="fl-chip-btn" onClick={() => editor.choose(c)}>{c}</button>
              ))}
            </div>
          ) : null}
          {amountNote ? (
            <p className="fl-note fl-amount-note" role="alert">{amountNote} Type the amount into your reply where it belongs, and fix the template in Frontline’s options.</p>
          ) : null}
          {missingProfile.length > 0 ? (
            <p className="fl-note">Your signature is missing: {missingProfile.join(', ')}. Add it in Frontline’s options so customers know who is answering.</p>
          ) : null}
        </section>

        <ToneWarnings warnings={warnings} onRewrite={rewrite} onShow={show} current={currentWarning} />

        <section className="fl-section fl-row">
          <label className="fl-followup">
            <span>Follow up on</span>
            <input type="date" value={followUp} min={toDateInput(nowDate())} onChange={(e) => changeFollowUp(e.target.value)} aria-label="Follow-up date" />
          </label>
          {followUp ? (
            <label className="fl-followup">
              <span>at</span>
              <input type="time" value={followUpTime} onChange={(e) => setFollowUpTime(e.target.value)} aria-label="Follow-up time" />
            </label>
          ) : null}
        </section>
        <ReminderNote day={followUp} time={followUpTime} />
        <InternalNote post={post} verdict={verdict} send={send} />

      </div>

      {/* Beside the buttons, not at the bottom of a scrolled body: where the agent is looking. */}
      {status ? (
        <p className={`fl-status fl-status-foot ${status.tone === 'error' ? 'is-error' : 'is-ok'}`} role="status">{status.text}</p>
      ) : null}
      <footer className="fl-actions">
        <button type="button" className="fl-btn fl-btn-primary" onClick={onInsert} disabled={!canSend} aria-describedby={unfilled ? 'fl-unfilled' : undefined}>Insert reply</button>
        <button type="button" className="fl-btn" onClick={onCopy} disabled={!canSend} aria-describedby={unfilled ? 'fl-unfilled' : undefined}>Copy reply</button>
        {copiedText !== null ? (
          <button type="button" className="fl-btn" onClick={onConfirmPosted}>I posted it</button>
        ) : null}
        <button type="button" className="fl-btn fl-btn-ghost" onClick={onResolve}>Mark resolved</button>
        {replaced ? (
          <button type="button" className="fl-btn fl-btn-ghost" onClick={restore}>Restore draft</button>
        ) : null}
        {editor.text !== templateText && templateText ? (
          <button type="button" className="fl-btn fl-btn-ghost" onClick={discard}>Discard draft</button>
        ) : null}
      </footer>
      {unfilled ? <p className="fl-foot-note fl-unfilled" id="fl-unfilled" role="status">{unfilled}</p> : null}
      <p className="fl-foot-note">Frontline never posts for you: review and send from the site.</p>
      <span className="fl-sr-only" aria-live="polite">{SEVERITY_LABELS[verdict.severity]}</span>
    </div>
  );
}

/** Says when the follow-up will remind the agent, so "today" is never a guess. */
function ReminderNote({ day, time }: { day: string; time: string }) {
  if (!day) return null;
  const at = now();
  const dueAt = followUpDueAt(day, time, at);
  if (dueAt === null) return <p className="fl-note" role="status">Pick a date and a time for the reminder.</p>;
  const when = describeReminder(dueAt, at);
  return (
    <p className="fl-note fl-reminder" role="status" data-testid="follow-up-when">
      {when === 'now' ? 'That time has passed: the follow-up is due as soon as you send.' : `Reminds you ${when}, once you send.`}
    </p>
  );
}

/** X counts weighted characters (URLs as 23); long-form sites have no practical limit. */
function measureFor(platform: Post['platform'], text: string): { value: number; limit: number | null } {
  if (platform === 'x') return { value: xWeightedLength(text), limit: X_MAX_WEIGHTED_LENGTH };
  return { value: [...text].length, limit: null };
}

/** A swapped signature shortens the text; stops past the new end move to it. */
function clampStops(stops: readonly TabStop[], end: number): TabStop[] {
  return stops.map((s) => ({ ...s, ranges: s.ranges.map(([a, b]) => [Math.min(a, end), Math.min(b, end)] as [number, number]) }));
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
