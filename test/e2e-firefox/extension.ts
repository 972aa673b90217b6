import type { FirefoxWithExtension } from './firefox';

/**
 * Questions only the add-on's own origin can answer (its IndexedDB, its notifications, its
 * badge), asked from one of its pages in a tab kept for this; the tab that was current before
 * is current again afterwards.
 */
export async function askExtension<T>(ff: FirefoxWithExtension, asyncBody: string, args: unknown[] = []): Promise<T> {
  const m = ff.marionette;
  const back = await m.currentHandle();
  await ff.toProbe();
  try {
    return await m.executeAsync<T>(
      `const done = arguments[arguments.length - 1];
       (async (...args) => { ${asyncBody} })(...Array.from(arguments).slice(0, -1)).then(done, (e) => done({ error: String(e) }));`,
      args,
    );
  } finally {
    await m.switchTo(back);
  }
}

/** Every store of the extension's database (plain indexedDB: whatever wrapper wrote it), events flattened. */
export function readDatabase(ff: FirefoxWithExtension): Promise<Record<string, unknown[]>> {
  return askExtension(
    ff,
    `const known = await indexedDB.databases();
     if (!known.some((d) => d.name === 'frontline')) return {};
     const done = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
     const db = await done(indexedDB.open('frontline'));
     try {
       const dump = {};
       for (const store of Array.from(db.objectStoreNames)) dump[store] = await done(db.transaction(store, 'readonly').objectStore(store).getAll());
       // Schema v8: a person's interactions are one history record; read them as the store they were.
       if (!dump.interactions && dump.histories) dump.interactions = dump.histories.flatMap((h) => h.interactions).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
       dump.events = [];
       for (const i of dump.interactions || []) for (const e of i.events || []) dump.events.push({ interactionId: i.id, ...e });
       return dump;
     } finally { db.close(); }`,
  );
}

export interface ShownNotification {
  id: string;
  title: string;
  message: string;
}

export function notifications(ff: FirefoxWithExtension): Promise<ShownNotification[]> {
  return askExtension(
    ff,
    `const all = await browser.notifications.getAll();
     return Object.entries(all).map(([id, n]) => ({ id, title: n.title, message: n.message }));`,
  );
}

/** Firefox's MV2 toolbar button is `browserAction`; reading it there is what the user sees. */
export function badgeText(ff: FirefoxWithExtension): Promise<string> {
  return askExtension(ff, `return browser.browserAction.getBadgeText({});`);
}
