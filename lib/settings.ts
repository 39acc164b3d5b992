import { storage } from 'wxt/utils/storage';

/**
 * Sites where the reader switched marking off, by host name. In `storage.local`, not `sync`:
 * the list says which sites someone reads, which need not travel to other devices.
 */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', {
  fallback: [],
});

/** The key the on/off switch uses for a page: its host, or its origin where there is no host. */
export function siteKey(location: { host: string; origin: string; protocol: string }): string {
  if (location.host) return location.host;
  return location.origin !== 'null' ? location.origin : location.protocol;
}

export async function isSiteEnabled(site: string): Promise<boolean> {
  return !(await disabledSites.getValue()).includes(site);
}

export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const sites = new Set(await disabledSites.getValue());
  if (enabled) sites.delete(site);
  else sites.add(site);
  await disabledSites.setValue([...sites].sort());
}
