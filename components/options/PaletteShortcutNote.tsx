import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { PALETTE_COMMAND, paletteSuggestedKey, shortcutsPage } from '@/lib/platform/shortcuts';

const TARGET = import.meta.env.BROWSER;

/**
 * Names the palette's shortcut and where to change it, for the browser this build is for. The
 * key shown is the one the browser has bound (the agent may have changed it); until that answer
 * arrives, or if there is none, the manifest's default.
 */
export function PaletteShortcutNote() {
  const [bound, setBound] = useState<string | null>(null);
  const [unset, setUnset] = useState(false);

  useEffect(() => {
    let live = true;
    browser.commands
      .getAll()
      .then((commands) => {
        if (!live) return;
        const palette = commands.find((c) => c.name === PALETTE_COMMAND);
        if (palette?.shortcut) setBound(palette.shortcut);
        else if (palette) setUnset(true);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const key = bound ?? paletteSuggestedKey(TARGET).default;
  const where = shortcutsPage(TARGET);
  return (
    <p className="op-foot">
      {unset ? (
        <>Keyboard: the command palette has no shortcut in this browser; set one at {where}.</>
      ) : (
        <>
          Keyboard: open the command palette on any page with <kbd>{key}</kbd> (change it at {where}).
        </>
      )}
    </p>
  );
}
