import type { ElementRef, Marionette } from './marionette';

/**
 * Finding things as a user would, for Marionette: by role-ish selector and accessible name,
 * through open shadow roots (the helper lives in one). Kept as source text that Marionette
 * runs in the page; `find` is defined once here and prepended to the scripts that need it.
 */
const FIND_SOURCE = `
const nameOf = (el) => {
  const root = el.getRootNode();
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(/\\s+/).map((id) => (root.getElementById ? root.getElementById(id) : null)?.textContent ?? '').join(' ');
  if (el.id && root.querySelector) {
    const forIt = root.querySelector('label[for="' + CSS.escape(el.id) + '"]');
    if (forIt) return forIt.textContent;
  }
  const wrapping = el.closest('label');
  if (wrapping && wrapping !== el) return wrapping.textContent;
  return el.textContent || '';
};
const visible = (el) => el.getClientRects().length > 0;
const findAll = (selector, pattern, flags) => {
  const re = pattern === null ? null : new RegExp(pattern, flags);
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(selector) && visible(el) && (!re || re.test(nameOf(el).replace(/\\s+/g, ' ').trim()))) out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
};
`;

export interface FindOptions {
  timeoutMs?: number;
}

/** Polls until `check` returns something other than null/undefined/false. */
export async function waitUntil<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== null && value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function patternOf(name: RegExp | string | undefined): [string | null, string] {
  if (name === undefined) return [null, ''];
  if (typeof name === 'string') return [`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, ''];
  return [name.source, name.flags];
}

/** The first visible element matching `selector` whose accessible name matches `name`, waiting for it. */
export async function find(m: Marionette, selector: string, name?: RegExp | string, opts: FindOptions = {}): Promise<ElementRef> {
  const [pattern, flags] = patternOf(name);
  return waitUntil(
    () => m.execute<ElementRef | null>(`${FIND_SOURCE} return findAll(arguments[0], arguments[1], arguments[2])[0] ?? null;`, [selector, pattern, flags]),
    `${selector} named ${String(name ?? '(any)')}`,
    opts.timeoutMs,
  );
}

export async function count(m: Marionette, selector: string, name?: RegExp | string): Promise<number> {
  const [pattern, flags] = patternOf(name);
  return m.execute<number>(`${FIND_SOURCE} return findAll(arguments[0], arguments[1], arguments[2]).length;`, [selector, pattern, flags]);
}

/** Waits until some visible text node in the page (shadow roots included) matches. */
export async function findText(m: Marionette, text: RegExp, opts: FindOptions = {}): Promise<ElementRef> {
  return waitUntil(
    () =>
      m.execute<ElementRef | null>(
        `${FIND_SOURCE}
        const re = new RegExp(arguments[0], arguments[1]);
        const hits = findAll('*', null, '').filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && re.test(n.textContent)));
        return hits[0] ?? null;`,
        [text.source, text.flags],
      ),
    `text ${String(text)}`,
    opts.timeoutMs,
  );
}

export async function valueOf(m: Marionette, el: ElementRef): Promise<string> {
  return m.execute<string>('return arguments[0].value ?? arguments[0].textContent;', [el]);
}

/** Replaces a field's text the way a user does: clear it, then type. */
export async function fill(m: Marionette, el: ElementRef, text: string): Promise<void> {
  await m.clear(el);
  await m.type(el, text);
}

/**
 * The reply helper and palette are in our overlay frame (an extension page in a closed shadow
 * root: no element reference reaches it), so Marionette goes in by the frame's index in the
 * page's window.frames, checking which one is ours from inside. Commands then act in the frame
 * until `leaveOverlay`.
 */
export async function enterOverlay(m: Marionette): Promise<void> {
  await waitUntil(async () => {
    // Marionette's script sandbox sees window.frames as empty, so indices are tried until one fails.
    for (let i = 0; i < 8; i++) {
      await m.switchToFrame(null);
      try {
        await m.switchToFrame(i);
      } catch {
        break;
      }
      if (await m.execute<boolean>("return location.protocol === 'moz-extension:' && location.pathname === '/overlay.html'")) return true;
    }
    await m.switchToFrame(null);
    return false;
  }, 'the reply helper frame');
}

export async function leaveOverlay(m: Marionette): Promise<void> {
  await m.switchToFrame(null);
}
