import type { DBCoreMutateRequest, Dexie } from 'dexie';

/**
 * Makes a test database behave as on a full disk: while `full` is on, every write fails as the
 * browser fails it, with a `QuotaExceededError` DOMException, and nothing is written. Reads work.
 *
 * It sits where the browser's error would surface, in Dexie's lowest layer (a DBCore middleware),
 * so the note store, the background's handlers and the UI above see what they would see for real.
 * (The extension has `unlimitedStorage`, which exempts it from the quota a real test could set.)
 */
export function fillableStorage(db: Dexie): { full: boolean; writesRefused: number } {
  const state = { full: false, writesRefused: 0 };
  db.use({
    stack: 'dbcore',
    name: 'test-storage-full',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            if (!state.full) return table.mutate(request);
            state.writesRefused++;
            return Promise.reject(
              new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
            );
          },
        };
      },
    }),
  });
  return state;
}
