// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { insertIntoComposer } from '../../../lib/content/insert';

describe('inserting a reply into the site’s reply box', () => {
  it('fills a plain textarea and fires input so the site sees the change', () => {
    const ta = document.createElement('textarea');
    document.body.append(ta);
    let inputs = 0;
    ta.addEventListener('input', () => inputs++);
    expect(insertIntoComposer(ta, 'Hi Sam, I’m on it.')).toEqual({ ok: true, method: 'value-setter' });
    expect(ta.value).toBe('Hi Sam, I’m on it.');
    expect(inputs).toBe(1);
  });

  it('bypasses a React-style value tracker (instance setter) by using the prototype setter', () => {
    const ta = document.createElement('textarea');
    document.body.append(ta);
    // React installs an own-property value setter that records what it set; a plain assignment would go through it.
    let tracked = '';
    const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
    Object.defineProperty(ta, 'value', {
      configurable: true,
      get: () => proto.get!.call(ta),
      set: (v: string) => {
        tracked = v;
        proto.set!.call(ta, v);
      },
    });
    insertIntoComposer(ta, 'Reply text');
    expect(ta.value).toBe('Reply text');
    expect(tracked).toBe('');
  });

  it('keeps what the agent already typed and adds the reply after it', () => {
    const ta = document.createElement('textarea');
    ta.value = '@samrivera';
    document.body.append(ta);
    insertIntoComposer(ta, 'Sorry about this.');
    expect(ta.value).toBe('@samrivera\n\nSorry about this.');
  });

  it('a second Insert replaces our first text instead of adding a copy, keeping the agent\'s own words', () => {
    const ta = document.createElement('textarea');
    ta.value = '@samrivera';
    document.body.append(ta);
    insertIntoComposer(ta, 'Sorry about the delay.');
    ta.value += ' Thanks!'; // the agent adds a word in the box
    insertIntoComposer(ta, 'Sorry about the delay, Sam.', 'Sorry about the delay.');
    expect(ta.value).toBe('@samrivera\n\nSorry about the delay, Sam. Thanks!');
    // Once the agent rewrote our text in the box, it is theirs: the new reply goes after it.
    ta.value = '@samrivera my own words';
    insertIntoComposer(ta, 'Second reply.', 'Sorry about the delay, Sam.');
    expect(ta.value).toBe('@samrivera my own words\n\nSecond reply.');
  });

  it('a second Insert into a rich editor that holds only our text replaces it', () => {
    const div = document.createElement('div');
    div.contentEditable = 'true';
    document.body.append(div);
    div.textContent = 'First draft.';
    let selected = '';
    document.execCommand = ((_cmd: string, _ui: boolean, value: string) => {
      selected = document.getSelection()!.toString();
      div.textContent = value;
      return true;
    }) as typeof document.execCommand;
    const r = insertIntoComposer(div, 'Second draft.', 'First draft.');
    expect(r.ok).toBe(true);
    expect(selected).toBe('First draft.');
    expect(div.textContent).toBe('Second draft.');
  });

  it('refuses a read-only box instead of pretending', () => {
    const ta = document.createElement('textarea');
    ta.readOnly = true;
    document.body.append(ta);
    expect(insertIntoComposer(ta, 'x').ok).toBe(false);
  });

  it('uses a paste event for multi-paragraph text when the rich editor handles pastes', () => {
    const div = document.createElement('div');
    div.contentEditable = 'true';
    document.body.append(div);
    let pasted = '';
    div.addEventListener('paste', (e) => {
      e.preventDefault();
      pasted = (e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
      for (const para of pasted.split('\n')) {
        const p = document.createElement('p');
        p.textContent = para;
        div.append(p);
      }
    });
    const result = insertIntoComposer(div, 'Hi Sam,\nI will call you today.');
    expect(pasted).toBe('Hi Sam,\nI will call you today.');
    expect(result).toEqual({ ok: true, method: 'paste' });
    expect(div.querySelectorAll('p')).toHaveLength(2);
  });

  it('says so when nothing can take the text', () => {
    const span = document.createElement('span');
    expect(insertIntoComposer(span, 'x')).toEqual({ ok: false, reason: 'No reply box found for this post.' });
  });
});
