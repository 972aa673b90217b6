import Fuse from 'fuse.js';
import { useEffect, useId, useMemo, useRef, useState } from 'react';

export interface PaletteItem {
  id: string;
  group: 'Action' | 'Template' | 'Contact';
  label: string;
  detail?: string;
  run: () => void;
}

/**
 * VS Code-style command palette: type to fuzzy-search actions, templates and recent
 * contacts; arrows move, Enter runs, Escape closes. ARIA combobox + listbox so screen
 * readers announce the active option.
 */
export function Palette({ items, onClose }: { items: PaletteItem[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const fuse = useMemo(() => new Fuse(items, { keys: ['label', 'detail', 'group'], threshold: 0.4, ignoreLocation: true }), [items]);
  const results = useMemo(() => (query.trim() ? fuse.search(query).map((r) => r.item) : items).slice(0, 50), [fuse, items, query]);

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => setActive(0), [query]);

  const run = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    item.run();
  };

  return (
    <div className="fl-palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
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
              onClose();
            }
          }}
        />
        <ul id={listId} role="listbox" aria-label="Results" className="fl-palette-list">
          {results.length === 0 ? <li className="fl-palette-empty" role="option" aria-selected="false" aria-disabled="true">Nothing matches “{query}”</li> : null}
          {results.map((item, i) => (
            <li
              key={item.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`fl-palette-item${i === active ? ' is-active' : ''}`}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => {
                e.preventDefault();
                run(item);
              }}
            >
              <span className="fl-palette-group">{item.group}</span>
              <span className="fl-palette-label">{item.label}</span>
              {item.detail ? <span className="fl-palette-detail">{item.detail}</span> : null}
            </li>
          ))}
        </ul>
        <div className="fl-palette-foot" aria-hidden="true">↑↓ move · Enter run · Esc close</div>
      </div>
    </div>
  );
}
