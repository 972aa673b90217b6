import { useEffect, useRef, useState } from 'react';
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

const CHIP_OFFSET_X = 240;
const CHIP_OFFSET_Y = 8;

const chipPosition = (id: string, r: DOMRectReadOnly, scrollX: number, scrollY: number): Placed => ({
  id,
  top: r.top + scrollY + CHIP_OFFSET_Y,
  left: Math.max(8, r.right + scrollX - CHIP_OFFSET_X),
});

/**
 * One "Reply as support" button per visible flagged post, at the post's top-right corner in
 * document coordinates. Work follows what changes, never the number of posts seen: each new
 * flagged element is observed once; positions come from IntersectionObserver entries (no
 * forced layout); only visible posts are re-measured, once per scroll pause; elements that
 * leave the page are unobserved so a 5,000-post timeline holds nothing it no longer shows.
 */
export function FlagChips({ store }: { store: OverlayStore }) {
  const state = useOverlayState(store);
  const [placed, setPlaced] = useState<ReadonlyMap<string, Placed>>(new Map());
  const io = useRef<IntersectionObserver | null>(null);
  const observed = useRef(new WeakSet<Element>());
  const visible = useRef(new Map<string, Element>());

  useEffect(() => {
    // Document coordinates need the scroll offset, and reading it forces a layout whenever the
    // page (or our own chips) changed since the last frame: once per IO batch that was ~1 s on a
    // 2,000-comment blog. So it is read only in a scroll event (the frame lays out right after
    // anyway) and in the post-scroll rAF that re-measures, and kept here.
    const scroll = { x: window.scrollX, y: window.scrollY };
    const update = (changes: Array<[string, DOMRectReadOnly | null]>) => {
      if (changes.length === 0) return;
      const positions = changes.map(([id, rect]) => [id, rect && chipPosition(id, rect, scroll.x, scroll.y)] as const);
      setPlaced((prev) => {
        const next = new Map(prev);
        for (const [id, position] of positions) {
          if (position) next.set(id, position);
          else next.delete(id);
        }
        return next;
      });
    };
    const observer = new IntersectionObserver(
      (entries) => {
        const changes: Array<[string, DOMRectReadOnly | null]> = [];
        for (const e of entries) {
          const id = e.target.getAttribute(POST_ATTR);
          if (!id) continue;
          if (e.isIntersecting) {
            visible.current.set(id, e.target);
            changes.push([id, e.boundingClientRect]);
          } else {
            if (visible.current.get(id) === e.target) {
              visible.current.delete(id);
              changes.push([id, null]);
            }
            if (!e.target.isConnected) {
              observer.unobserve(e.target);
              observed.current.delete(e.target);
            }
          }
        }
        update(changes);
      },
      { rootMargin: '200px 0px' },
    );
    io.current = observer;
    // Layout can shift under a visible post (images load, X re-lays its timeline): re-measure once scrolling pauses.
    let timer = 0;
    const remeasure = () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        requestAnimationFrame(() => {
          const rects = [...visible.current].map(([id, el]): [string, DOMRectReadOnly | null] => [id, el.isConnected ? el.getBoundingClientRect() : null]);
          scroll.x = window.scrollX;
          scroll.y = window.scrollY;
          update(rects);
        });
      }, 150);
    };
    const onScroll = () => {
      scroll.x = window.scrollX;
      scroll.y = window.scrollY;
      remeasure();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', remeasure, { passive: true });
    return () => {
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', remeasure);
    };
  }, []);

  useEffect(() => {
    const observer = io.current;
    if (!observer) return;
    for (const item of state.flagged.values()) {
      const el = item.el;
      if (el && el.isConnected && !observed.current.has(el)) {
        observed.current.add(el);
        observer.observe(el);
      }
    }
  }, [state.flagged]);

  return (
    <div className="fl-chips">
      {[...placed.values()].map((p) => {
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
