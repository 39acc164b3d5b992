import type { Dexie } from 'dexie';

/**
 * For extension pages (popup, options) that hold the database open: when a newer Credit Lens
 * upgrades it, the page lets the upgrade through and stops using the database.
 *
 * Dexie already closes the connection on `versionchange`, so the upgrade is never blocked, but it
 * reopens it on the next query: this page's old code would then go on reading and writing rows
 * laid out for the new schema. Closing with `disableAutoOpen` makes every later query fail
 * instead (a save shows its error and keeps the draft), and `notify` tells the reader to reload.
 * A delete (`newVersion` null: uninstall, tests) keeps Dexie's default.
 */
export function onDatabaseUpgraded(db: Dexie, notify: () => void): () => void {
  const listener = (event: IDBVersionChangeEvent) => {
    if (event.newVersion === null) return;
    db.close({ disableAutoOpen: true });
    notify();
    // Dexie runs the newest listener first; `false` skips its default, which would close the
    // connection again with auto-open back on.
    return false;
  };
  db.on('versionchange', listener);
  return () => db.on('versionchange').unsubscribe(listener);
}
