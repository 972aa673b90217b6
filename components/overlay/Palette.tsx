import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { highlightRuns, noteRun, rankPaletteItems, recentRuns } from './palette-rank';

export interface PaletteItem {
  id: string;
  group: 'Action' | 'Template' | 'Contact';
  label: string;
  detail?: string;
  run: () => void;
}

/** The focused element, looking inside shadow roots (the helper's own, or a page's web component). */
function deepActiveElement(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}

/**
 * VS Code-style command palette: type to fuzzy-search actions, templates and recent
 * contacts; arrows move, Enter runs, Escape closes and puts the focus back where it was.
 * Recently run items come first; matched letters are highlighted. ARIA combobox + listbox so
 * screen readers announce the active option.
 */
export function Palette({ items, onClose }: { items: PaletteItem[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  // Where the agent was before the palette took the focus: a composer, the draft, a post.
  const [returnTo] = useState(deepActiveElement);
  const listId = useId();
  const results = useMemo(() => rankPaletteItems(items, query, recentRuns()).slice(0, 50), [items, query]);

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => setActive(0), [query]);

  const run = (ranked: (typeof results)[number] | undefined) => {
    if (!ranked) return;
    noteRun(ranked.item.id);
    onClose();
    ranked.item.run();
  };

  /** Closing without running anything: the focus goes back where it was, not to the page's top. */
  const dismiss = () => {
    onClose();
    if (returnTo?.isConnected) returnTo.focus();
  };

  return (
    <div className="fl-palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && dismiss()}>
      <div className="fl-palette" role="dialog" aria-modal="true" aria-label="Frontline command palette">
        <input
          ref={inputRef}
          className="fl-palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
          aria-label="Search templates, contacts and actions"
          placeholder="Search templates, contacts and actions…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((i) => Math.min(results.length - 1, i + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => Math.max(0, i - 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              run(results[active]);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              // The helper behind the palette must not take this Escape as its own.
              e.stopPropagation();
              dismiss();
            }
          }}
        />
        <ul id={listId} role="listbox" aria-label="Results" className="fl-palette-list">
          {results.length === 0 ? <li className="fl-palette-empty" role="option" aria-selected="false" aria-disabled="true">Nothing matches “{query}”</li> : null}
          {results.map(({ item, labelMatches }, i) => (
            <li
              key={item.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`fl-palette-item${i === active ? ' is-active' : ''}`}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => {
                e.preventDefault();
                run(results[i]);
              }}
            >
              <span className="fl-palette-group">{item.group}</span>
              <span className="fl-palette-label">
                {highlightRuns(item.label, labelMatches).map((r, j) => (r.hit ? <mark key={j} className="fl-palette-hit">{r.text}</mark> : r.text))}
              </span>
              {item.detail ? <span className="fl-palette-detail">{item.detail}</span> : null}
            </li>
          ))}
        </ul>
        <div className="fl-palette-foot" aria-hidden="true">↑↓ move · Enter run · Esc close</div>
      </div>
    </div>
  );
}
