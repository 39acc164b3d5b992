/**
 * Asks the browser not to evict our storage under disk pressure: notes are the reader's own work
 * and exist nowhere else. With the `unlimitedStorage` permission Chromium grants this without a
 * prompt; Firefox decides by its own heuristics. The answer is only logged: notes are saved
 * either way.
 */
export async function requestDurableStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch (error) {
    console.warn('[Credit Lens] could not ask for persistent storage', error);
    return false;
  }
}
