import type { Post } from '../types';

/**
 * Text Blaze style shortcuts in the site's own reply box: the agent types a template's shortcut
 * and a space ("/sorry ") in X's composer or a forum's textarea, and the template replaces those
 * characters, with the customer's name, the signature the agent chose for this kind of site, and
 * the caret on its first [field]. The background expands it (the templates and the profile stay
 * there); this side only watches keys.
 *
 * It acts on what the agent typed and nothing else:
 * - only trusted key presses count (`isTrusted`: a page's script cannot fake them), and only the
 *   characters typed since the agent last clicked, moved the caret or pasted in that box;
 * - before replacing, it reads back exactly as many characters as the shortcut and its space,
 *   just before the caret, and acts only if they are what the agent typed; nothing else in the
 *   box is read, sent or kept (whether anything stands before the shortcut is checked by
 *   position, to leave the signature off a reply that already has words);
 * - it replaces exactly those characters; the rest of the box is never touched.
 */
export interface ComposerShortcutDeps {
  /** Our own elements (chips host): never watched. */
  isOurs(node: Node): boolean;
  /** The flagged post this reply box answers (for the customer's name), or null. */
  postFor(box: HTMLElement): Post | null;
  expand(shortcut: string, post: Post | null, alone: boolean): Promise<{ text: string | null; firstField: [number, number] | null } | null>;
}

const SHORTCUT_TAIL = /(?:^|\s)(\/[a-z0-9][a-z0-9-]{0,30})$/i;
const TYPED_MAX = 64;

type Box = HTMLTextAreaElement | HTMLElement;

/** The reply box a key went to: a textarea or a rich editor's editing host; not inputs (search boxes). */
function boxOf(target: EventTarget | null): Box | null {
  if (!(target instanceof HTMLElement)) return null;
  if (target instanceof HTMLTextAreaElement) return target.disabled || target.readOnly ? null : target;
  return target.isContentEditable ? target : null;
}

/** What the agent typed before the caret, `n` characters back, read and nothing more; null when the caret is not a plain caret in `box`. */
function typedBeforeCaret(box: Box, n: number): { text: string; alone: boolean } | null {
  if (box instanceof HTMLTextAreaElement) {
    const caret = box.selectionStart;
    if (caret !== box.selectionEnd || caret < n) return null;
    return { text: box.value.slice(caret - n, caret), alone: caret === n };
  }
  const selection = box.ownerDocument.getSelection();
  if (!selection || !selection.isCollapsed || !selection.anchorNode || !box.contains(selection.anchorNode)) return null;
  const caret = selection.getRangeAt(0).cloneRange();
  for (let i = 0; i < n; i++) selection.modify('extend', 'backward', 'character');
  const text = selection.toString().replace(/\u00a0/g, ' ');
  const start = selection.getRangeAt(0).cloneRange();
  start.collapse(true);
  // Anything before the shortcut? Compared by position: from the box's start to the shortcut's.
  const head = box.ownerDocument.createRange();
  head.selectNodeContents(box);
  head.setEnd(start.startContainer, start.startOffset);
  const alone = head.toString().trim().length === 0;
  selection.removeAllRanges();
  selection.addRange(caret);
  return { text, alone };
}

/** Replaces the `n` characters before the caret with `text`, and selects the first field. */
function replaceBeforeCaret(box: Box, n: number, text: string, field: [number, number] | null): boolean {
  const doc = box.ownerDocument;
  if (box instanceof HTMLTextAreaElement) {
    const end = box.selectionStart;
    const start = end - n;
    box.focus();
    box.setSelectionRange(start, end);
    // insertText keeps the site's undo stack and fires the input event its framework listens to.
    if (!doc.execCommand('insertText', false, text) || box.value.slice(start, start + text.length) !== text) {
      box.setRangeText(text, start, end, 'end');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (field) box.setSelectionRange(start + field[0], start + field[1]);
    else box.setSelectionRange(start + text.length, start + text.length);
    return box.value.slice(start, start + text.length) === text;
  }
  const selection = doc.getSelection();
  if (!selection) return false;
  for (let i = 0; i < n; i++) selection.modify('extend', 'backward', 'character');
  let pasted = false;
  if (text.includes('\n')) {
    // Rich editors (DraftJS, Lexical) turn a paste into paragraphs, as for Insert (insert.ts).
    const data = new DataTransfer();
    data.setData('text/plain', text);
    pasted = !box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }
  if (!pasted) doc.execCommand('insertText', false, text);
  if (field) selectInserted(box, text.slice(field[0], field[1]));
  return true;
}

/** Selects the first occurrence of our own inserted field's words, so the agent types over them. */
function selectInserted(box: HTMLElement, words: string): void {
  const walker = box.ownerDocument.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.nodeValue ?? '').indexOf(words);
    if (at < 0) continue;
    const range = box.ownerDocument.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    const selection = box.ownerDocument.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return;
  }
}

export function watchComposerShortcuts(doc: Document, deps: ComposerShortcutDeps): () => void {
  /** Per box, the characters the agent typed since they last clicked, moved the caret or pasted there. */
  const typed = new WeakMap<Box, string>();
  const forget = (e: Event) => {
    const box = boxOf(e.target);
    if (box) typed.delete(box);
  };

  const onKey = (e: KeyboardEvent) => {
    const box = boxOf(e.target);
    if (!box || deps.isOurs(box)) return;
    if (!e.isTrusted || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return void typed.delete(box);
    const before = typed.get(box) ?? '';
    if (e.key === 'Backspace') return void typed.set(box, before.slice(0, -1));
    if (e.key.length !== 1) return void typed.delete(box); // arrows, Enter, Tab, Home…: the caret moved
    typed.set(box, (before + e.key).slice(-TYPED_MAX));
    if (e.key !== ' ') return;
    const m = SHORTCUT_TAIL.exec(before);
    if (!m) return;
    const shortcut = m[1]!;
    const n = shortcut.length + 1;
    // After the space has landed: the box must end, at the caret, with exactly what the agent typed.
    setTimeout(() => {
      const seen = typedBeforeCaret(box, n);
      if (!seen || seen.text !== `${shortcut} `) return;
      const asked = typed.get(box);
      void deps
        .expand(shortcut.toLowerCase(), deps.postFor(box), seen.alone)
        .then((answer) => {
          if (!answer?.text) return;
          // The agent kept typing meanwhile, or the page changed the box: leave it alone.
          if (typed.get(box) !== asked || typedBeforeCaret(box, n)?.text !== `${shortcut} `) return;
          typed.delete(box);
          replaceBeforeCaret(box, n, answer.text, answer.firstField);
        })
        .catch(() => undefined);
    }, 0);
  };

  doc.addEventListener('keydown', onKey, true);
  for (const type of ['mousedown', 'paste', 'drop', 'cut', 'focusout']) doc.addEventListener(type, forget, true);
  return () => {
    doc.removeEventListener('keydown', onKey, true);
    for (const type of ['mousedown', 'paste', 'drop', 'cut', 'focusout']) doc.removeEventListener(type, forget, true);
  };
}
