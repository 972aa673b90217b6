/**
 * The element the agent last right-clicked in this frame: "Read posts like this one" starts there.
 * The context menu's click data carries no element (Chrome has no getTargetElement), so the gate
 * script, which runs on every page, keeps it. Content scripts of one extension share one world per
 * frame, so the full content script, injected later, reads the same global. No imports: the gate
 * stays small.
 */
const KEY = '__frontlineContextTarget';

type Holder = { [KEY]?: WeakRef<Element> };

export function rememberContextTargets(doc: Document): void {
  doc.addEventListener(
    'contextmenu',
    (event) => {
      const t = event.target as Node | null;
      // A right-click on a text node's parent or on an element; nothing else is kept.
      const el = t && t.nodeType === 1 ? (t as Element) : (t?.parentElement ?? null);
      (globalThis as Holder)[KEY] = el ? new WeakRef(el) : undefined;
    },
    { capture: true, passive: true },
  );
}

export function lastContextTarget(): Element | null {
  const el = (globalThis as Holder)[KEY]?.deref() ?? null;
  return el && el.isConnected ? el : null;
}
