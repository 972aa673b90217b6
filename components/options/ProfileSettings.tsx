import { useEffect, useId, useState, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type Settings } from '@/lib/settings';
import { fullSignature, lineSignature, onlyFields, SIGNATURE_FIELDS, type SignatureField } from '@/lib/snippets';
import { formFromSettings, settingsFromForm, type FieldErrors, type SettingsForm } from './form-state';

/** The form's text inputs (the signature choice is a set of checkboxes). */
type TextKey = Exclude<keyof SettingsForm, 'signatureFields'>;

const FIELD_NAMES: Record<SignatureField, string> = { fullName: 'name', title: 'title', company: 'company', phone: 'phone', email: 'email' };

function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (id: string, describedBy?: string) => ReactNode }) {
  const id = useId();
  const msgId = `${id}-msg`;
  return (
    <div className="op-field">
      <label htmlFor={id}>{label}</label>
      {children(id, error || hint ? msgId : undefined)}
      {error ? <p id={msgId} className="op-error" role="alert">{error}</p> : hint ? <p id={msgId} className="op-hint">{hint}</p> : null}
    </div>
  );
}

/** Profile, brand watch terms and where Frontline works. Validated on save; nothing invalid is stored. */
export function ProfileSettings() {
  const [base, setBase] = useState<Settings>(DEFAULT_SETTINGS);
  const [form, setForm] = useState<SettingsForm>(formFromSettings(DEFAULT_SETTINGS));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' | 'info' } | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void loadSettings().then((load) => {
      setBase(load.settings);
      setForm(formFromSettings(load.settings));
      setLoaded(true);
      if (load.status === 'migrated' || load.status === 'reset') setNotice({ text: load.message, tone: load.status === 'reset' ? 'error' : 'info' });
    });
  }, []);

  const set = (key: TextKey) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const onSave = async () => {
    const result = settingsFromForm(form, base);
    if (!result.ok) {
      setErrors(result.errors);
      setNotice({ text: 'Some fields need a fix before saving.', tone: 'error' });
      return;
    }
    setErrors({});
    const saved = await saveSettings(result.settings);
    setBase(saved);
    setNotice({ text: 'Saved. Open tabs pick up the change right away.', tone: 'ok' });
  };

  const text = (key: TextKey, label: string, opts: { type?: string; hint?: string; autoComplete?: string; placeholder?: string } = {}) => (
    <Field label={label} error={errors[key]} hint={opts.hint}>
      {(id, describedBy) => (
        <input
          id={id}
          type={opts.type ?? 'text'}
          value={form[key]}
          onChange={set(key)}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={describedBy}
          autoComplete={opts.autoComplete}
          placeholder={opts.placeholder}
        />
      )}
    </Field>
  );

  const signature = fullSignature({ ...base.profile, ...pickProfile(form) });
  // Until the stored settings arrive there is nothing to edit: typing into a form that the
  // load then overwrites would lose the agent's words (or save an empty profile).
  if (!loaded) return <p className="op-card" role="status">Loading your settings…</p>;

  return (
    <form
      className="op-card"
      aria-label="Profile and sites"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      {!base.onboarded ? (
        <div className="op-banner" role="note">
          <strong>Welcome to Frontline.</strong> Tell customers who is answering: your name, title and a way to reach you go
          into every reply. Add your brand’s names and handles so Frontline focuses on posts about you.
        </div>
      ) : null}
      <h2>Your profile</h2>
      <div className="op-grid">
        {text('fullName', 'Full name', { autoComplete: 'name', placeholder: 'Jane Doe' })}
        {text('title', 'Title', { autoComplete: 'organization-title', placeholder: 'Customer Support Lead' })}
        {text('company', 'Company', { autoComplete: 'organization', placeholder: 'Acme' })}
        {text('phone', 'Phone', { type: 'tel', autoComplete: 'tel', placeholder: '+1 555 0100' })}
        {text('email', 'Email', { type: 'email', autoComplete: 'email', placeholder: 'jane@acme.com' })}
        {text('handle', 'Social handle', { placeholder: '@AcmeSupport' })}
      </div>
      <div className="op-preview" aria-label="Signature preview">
        <span className="op-preview-label">Signature preview</span>
        <pre>{signature || 'Add your full name to sign replies.'}</pre>
      </div>
      {(['shortForm', 'longForm'] as const).map((kind) => {
        const chosen = form.signatureFields[kind];
        const profile = { ...base.profile, ...pickProfile(form) };
        const preview = kind === 'shortForm' ? lineSignature(onlyFields(profile, chosen)) : fullSignature(onlyFields(profile, chosen));
        const toggle = (field: SignatureField, on: boolean) =>
          setForm((f) => ({
            ...f,
            signatureFields: { ...f.signatureFields, [kind]: SIGNATURE_FIELDS.filter((x) => (x === field ? on : f.signatureFields[kind].includes(x))) },
          }));
        return (
          <fieldset key={kind} className="op-radios op-signature-fields">
            <legend>{kind === 'shortForm' ? 'Sign public posts on X, Bluesky and Mastodon with' : 'Sign replies on blogs and forums with'}</legend>
            {SIGNATURE_FIELDS.map((field) => (
              <label key={field}>
                <input type="checkbox" checked={chosen.includes(field)} onChange={(e) => toggle(field, e.target.checked)} /> {FIELD_NAMES[field]}
              </label>
            ))}
            <div className="op-preview" aria-label={kind === 'shortForm' ? 'Short-form signature preview' : 'Long-form signature preview'}>
              <span className="op-preview-label">{kind === 'shortForm' ? 'Sent on X (shortened further only if the post would not fit)' : 'Sent on blogs and forums'}</span>
              <pre>{preview || 'No signature: tick your name to sign.'}</pre>
            </div>
          </fieldset>
        );
      })}

      <h2>What to watch</h2>
      <Field label="Brand watch terms" error={errors.brandTerms} hint="Names, @handles and product names, one per line. Posts mentioning them are your focus.">
        {(id, d) => <textarea id={id} rows={4} value={form.brandTerms} onChange={set('brandTerms')} aria-describedby={d} placeholder={'Acme\n@AcmeSupport\nAcme Cloud'} />}
      </Field>
      <fieldset className="op-radios">
        <legend>Which complaints to flag</legend>
        <label><input type="radio" name="focus" checked={form.focus === 'brand'} onChange={() => setForm((f) => ({ ...f, focus: 'brand' }))} /> Only posts about my brand (recommended)</label>
        <label><input type="radio" name="focus" checked={form.focus === 'all'} onChange={() => setForm((f) => ({ ...f, focus: 'all' }))} /> Every complaint</label>
      </fieldset>

      <h2>Where Frontline works</h2>
      <fieldset className="op-radios">
        <legend>Sites</legend>
        <label><input type="radio" name="siteMode" checked={form.siteMode === 'all'} onChange={() => setForm((f) => ({ ...f, siteMode: 'all' }))} /> All sites (blogs and forums live anywhere)</label>
        <label><input type="radio" name="siteMode" checked={form.siteMode === 'only-listed'} onChange={() => setForm((f) => ({ ...f, siteMode: 'only-listed' }))} /> Only the sites I list</label>
      </fieldset>
      {form.siteMode === 'only-listed' ? (
        <Field label="Allowed sites" error={errors.allowedHosts} hint="Host names, one per line, e.g. x.com">
          {(id, d) => <textarea id={id} rows={3} value={form.allowedHosts} onChange={set('allowedHosts')} aria-describedby={d} />}
        </Field>
      ) : null}
      <Field label="Switched off on" error={errors.disabledHosts} hint="Frontline does nothing on these hosts.">
        {(id, d) => <textarea id={id} rows={2} value={form.disabledHosts} onChange={set('disabledHosts')} aria-describedby={d} />}
      </Field>

      <h2>Follow-ups</h2>
      {text('reminderTime', 'Remind me of a follow-up day at', {
        type: 'time',
        hint: 'Your local time, usually when your working day starts. A follow-up set for today after this time reminds you at once.',
      })}

      <div className="op-actions">
        <button type="submit" className="op-btn op-btn-primary">Save</button>
        {notice ? <p className={`op-notice is-${notice.tone}`} role="status" aria-live="polite">{notice.text}</p> : null}
      </div>
    </form>
  );
}

function pickProfile(f: SettingsForm) {
  return { fullName: f.fullName, title: f.title, company: f.company, phone: f.phone, email: f.email, handle: f.handle };
}
