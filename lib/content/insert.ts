/**
 * Puts reply text into a site's own reply box so the site's editor state stays right.
 * One method per kind of editor, chosen up front; if it does not take, we say so and the
 * caller copies to the clipboard. Methods are never stacked: a second attempt after a
 * half-successful first one duplicates text in DraftJS/Lexical.
 */
export type InsertResult = { ok: true; method: 'value-setter' | 'insert-text' | 'paste' } | { ok: false; reason: string };

function isTextField(el: HTMLElement): el is HTMLTextAreaElement | HTMLInputElement {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && /^(text|search|)$/.test(el.type));
}

/** React tracks the value it last set; the prototype's setter bypasses its tracker so our input event counts. */
function setNativeValue(el: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

function placeCaretAtEnd(el: HTMLElement): void {
  const selection = el.ownerDocument.getSelection();
  if (!selection) return;
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

function selectAll(el: HTMLElement): void {
  const selection = el.ownerDocument.getSelection();
  if (!selection) return;
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
}

// Editors split paragraphs into blocks whose textContent has no separators: compare without whitespace.
const normalise = (s: string) => s.replace(/\s+/g, '');

/**
 * `previous` is the text we inserted into this box last time. Pressing Insert again (after
 * editing the draft) replaces it instead of adding a second copy; whatever the agent typed
 * in the box around it stays. If the agent has edited our text in the box, it is theirs now
 * and the new text goes after it.
 */
export function insertIntoComposer(composer: HTMLElement, text: string, previous?: string): InsertResult {
  if (isTextField(composer)) {
    if (composer.disabled || composer.readOnly) return { ok: false, reason: 'The reply box is read-only.' };
    const before = composer.value;
    const at = previous ? before.lastIndexOf(previous) : -1;
    const joined =
      at >= 0
        ? before.slice(0, at) + text + before.slice(at + previous!.length)
        : before.trim()
          ? `${before.replace(/\s+$/, '')}\n\n${text}`
          : text;
    composer.focus();
    setNativeValue(composer, joined);
    composer.dispatchEvent(new Event('input', { bubbles: true }));
    composer.dispatchEvent(new Event('change', { bubbles: true }));
    return composer.value === joined ? { ok: true, method: 'value-setter' } : { ok: false, reason: 'The site rejected the text.' };
  }

  if (composer.isContentEditable) {
    composer.focus();
    // A rich editor holding exactly our last insertion: select it all so the new text replaces it.
    if (previous && normalise(composer.textContent ?? '') === normalise(previous)) selectAll(composer);
    else placeCaretAtEnd(composer);
    const multiParagraph = text.includes('\n');
    let method: 'insert-text' | 'paste' = 'insert-text';
    if (multiParagraph) {
      // Rich editors (DraftJS, Lexical) turn a paste into paragraphs and cancel the event;
      // insertText would put raw newlines into one block. An editor that ignores the paste
      // left the page untouched, so inserting the text instead is not a second insertion.
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      if (!composer.dispatchEvent(paste)) method = 'paste';
    }
    if (method === 'insert-text') composer.ownerDocument.execCommand('insertText', false, text);
    const landed = normalise(composer.textContent ?? '').includes(normalise(text).slice(0, 40));
    return landed ? { ok: true, method } : { ok: false, reason: 'The site’s editor did not accept the text.' };
  }
  return { ok: false, reason: 'No reply box found for this post.' };
}
