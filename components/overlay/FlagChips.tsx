import { useEffect, useState } from 'react';
import { POST_ATTR, SEVERITY_LABELS } from '@/lib/content/marks';
import type { FlaggedPost, OverlayStore } from '@/lib/content/store';
import { useOverlayState } from './useOverlayState';

interface Placed {
  id: string;
  top: number;
  left: number;
}

/** The element currently showing this post (X recycles nodes, so the remembered one may hold another post now). */
export function elementFor(item: FlaggedPost, doc: Document): Element | null {
  if (item.el?.isConnected && item.el.getAttribute(POST_ATTR) === item.post.id) return item.el;
  return doc.querySelector(`[${POST_ATTR}="${CSS.escape(item.post.id)}"]`);
}

/**
 * One "Reply as support" button per visible flagged post, placed at the post's top-right
 * corner in document coordinates. Positions come from IntersectionObserver entries (no forced
 * layout) and are refreshed once per scroll pause, never inside the scanner.
 */
export function FlagChips({ store }: { store: OverlayStore }) {
  const state = useOverlayState(store);
  const [placed, setPlaced] = useState<Placed[]>([]);

  useEffect(() => {
    const visible = new Map<Element, string>();
    const place = (rects: Array<[string, DOMRectReadOnly]>) => {
      setPlaced((prev) => {
        const next = new Map(prev.map((p) => [p.id, p]));
        for (const [id, r] of rects) {
          next.set(id, { id, top: r.top + window.scrollY + 8, left: Math.max(8, r.right + window.scrollX - 240) });
        }
        for (const id of next.keys()) if (![...visible.values()].includes(id)) next.delete(id);
        return [...next.values()];
      });
    };
    const io = new IntersectionObserver(
      (entries) => {
        const rects: Array<[string, DOMRectReadOnly]> = [];
        for (const e of entries) {
          const id = e.target.getAttribute(POST_ATTR);
          if (!id) continue;
          if (e.isIntersecting) {
            visible.set(e.target, id);
            rects.push([id, e.boundingClientRect]);
          } else visible.delete(e.target);
        }
        place(rects);
      },
      { rootMargin: '200px 0px' },
    );
    for (const item of state.flagged.values()) {
      const el = elementFor(item, document);
      if (el) io.observe(el);
    }
    // Layout can shift under a visible post (images load, X re-lays its timeline): re-measure once scrolling pauses.
    let timer = 0;
    const remeasure = () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        requestAnimationFrame(() => place([...visible].map(([el, id]) => [id, el.getBoundingClientRect()])));
      }, 150);
    };
    window.addEventListener('scroll', remeasure, { passive: true });
    window.addEventListener('resize', remeasure, { passive: true });
    return () => {
      io.disconnect();
      clearTimeout(timer);
      window.removeEventListener('scroll', remeasure);
      window.removeEventListener('resize', remeasure);
    };
  }, [state.flagged]);

  return (
    <div className="fl-chips">
      {placed.map((p) => {
        const item = state.flagged.get(p.id);
        if (!item) return null;
        const sev = item.verdict.severity;
        const returning = item.summary?.known ? ` · returning customer (${item.summary.earlierInteractions} earlier)` : '';
        return (
          <button
            key={p.id}
            type="button"
            className={`fl-chip fl-sev-${sev}`}
            style={{ top: p.top, left: p.left }}
            aria-label="Reply as support"
            title={`${SEVERITY_LABELS[sev]}${returning}`}
            onClick={() => store.openHelper({ kind: 'post', postId: p.id })}
          >
            <span className="fl-chip-dot" aria-hidden="true" />
            Reply as support
            {item.summary?.known ? <span className="fl-chip-badge" aria-hidden="true">↺ {item.summary.earlierInteractions}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
