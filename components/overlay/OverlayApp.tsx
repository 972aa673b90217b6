import { useEffect, useMemo, useState } from 'react';
import type { OverlayDeps } from '@/lib/overlay/view';
import type { RecentContact } from '@/lib/messages';
import { loadTemplates } from '@/lib/settings/templates';
import { fullSignature, type Template } from '@/lib/snippets';
import { outcomeOf } from '@/lib/content/write-outcome';
import { Palette, type PaletteItem } from './Palette';
import { contactItems } from './palette-items';
import { ReplyHelper, type HelperTargetView } from './ReplyHelper';
import { useOverlayState } from './useOverlayState';
import './overlay.css';

export type { OverlayDeps };

export function OverlayApp({ deps }: { deps: OverlayDeps }) {
  const { store, send } = deps;
  const state = useOverlayState(store);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [requestedTemplate, setRequestedTemplate] = useState<string | null>(null);
  // Counts requests, so choosing the same template again (after editing) applies it again.
  const [requestNonce, setRequestNonce] = useState(0);
  const [contacts, setContacts] = useState<RecentContact[]>([]);

  useEffect(() => {
    void loadTemplates().then(({ templates, problem }) => {
      setTemplates(templates);
      if (problem) store.toast(problem, 'error');
    });
  }, [store]);

  useEffect(() => {
    if (!state.paletteOpen) return;
    void send({ type: 'cs→bg:recent-contacts', limit: 10 }).then((reply) => {
      if (reply.ok) setContacts(reply.contacts);
    });
  }, [state.paletteOpen, send]);

  const target: HelperTargetView | null = useMemo(() => {
    const h = state.helper;
    if (!h) return null;
    const open = h.kind === 'ad-hoc' ? { post: h.post, verdict: h.verdict } : state.flagged.get(h.postId);
    if (!open) return null;
    // The history the frame asked the background for, only ever for this very post.
    const history = state.history?.postId === open.post.id ? state.history.history : undefined;
    return { post: open.post, verdict: open.verdict, summary: history?.summary, history };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- flagged changes in place; version tells.
  }, [state.helper, state.version, state.history]);

  // The page side puts the text into the open post's reply box (lib/content/ui-bridge.ts).
  const insert = deps.insert;

  const openNextFlagged = (templateId: string | null = null) => {
    const current = state.helper?.kind === 'post' ? state.order.indexOf(state.helper.postId) : -1;
    const next = state.order[(current + 1) % Math.max(1, state.order.length)];
    setRequestedTemplate(templateId);
    if (next) store.openHelper({ kind: 'post', postId: next });
    else store.toast('No flagged posts on this page. Select a customer’s words and use “Respond as support”.');
  };

  const paletteItems: PaletteItem[] = useMemo(() => {
    const settings = deps.getSettings();
    const items: PaletteItem[] = [
      { id: 'a-next', group: 'Action', label: 'Reply to next flagged post', detail: `${state.order.length} flagged here`, run: () => openNextFlagged() },
      {
        id: 'a-signature',
        group: 'Action',
        label: 'Copy my signature',
        detail: settings.profile.fullName || 'set your profile in Options',
        run: () => void navigator.clipboard.writeText(fullSignature(settings.profile)).then(() => store.toast('Signature copied.')),
      },
      {
        id: 'a-resolve',
        group: 'Action',
        label: 'Mark resolved',
        detail: target ? `post by ${target.post.author || 'customer'}` : 'opens the post first',
        run: () => {
          if (!target) return openNextFlagged();
          void outcomeOf(send({ type: 'cs→bg:interaction-event', post: target.post, verdict: target.verdict, event: 'status', status: 'resolved' })).then(
            (logged) => (logged.ok ? store.toast('Marked resolved.') : store.toast(`Not marked resolved: ${logged.error}.`, 'error')),
          );
        },
      },
      { id: 'a-dashboard', group: 'Action', label: 'Open dashboard', run: () => void send({ type: 'cs→bg:open-dashboard' }) },
    ];
    // A template acts on the post whose helper is open: choosing one never switches customers.
    // With no helper open it opens the next flagged post, and says so.
    const forWhom = target ? `for ${target.post.author || 'this customer'}’s post` : 'opens the next flagged post';
    for (const t of templates) {
      items.push({
        id: `t-${t.id}`,
        group: 'Template',
        label: t.title,
        detail: [forWhom, ...t.tags].join(' · '),
        run: () => {
          if (!target) return openNextFlagged(t.id);
          setRequestedTemplate(t.id);
          setRequestNonce((n) => n + 1);
        },
      });
    }
    items.push(...contactItems(contacts, (url) => window.open(url, '_blank', 'noopener')));
    return items;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [templates, contacts, state.version, target]);

  useEffect(() => {
    if (!state.toast) return;
    const t = setTimeout(() => store.clearToast(), 4000);
    return () => clearTimeout(t);
  }, [state.toast, store]);

  return (
    <div className="fl-root">
      {target ? (
        <ReplyHelper
          key={target.post.id}
          target={target}
          settings={deps.getSettings()}
          templates={templates}
          send={send}
          insert={insert}
          requestedTemplateId={requestedTemplate}
          requestNonce={requestNonce}
          onClose={() => {
            setRequestedTemplate(null);
            store.closeHelper();
          }}
        />
      ) : null}
      {state.paletteOpen ? <Palette items={paletteItems} onClose={() => store.setPalette(false)} /> : null}
      {state.toast ? (
        <div className={`fl-toast${state.toast.tone === 'error' ? ' is-error' : ''}`} role="status">{state.toast.text}</div>
      ) : null}
    </div>
  );
}
