import { useEffect } from 'react';
import { entryIdFromHash } from '~/lib/glossary/page-url';

/**
 * Calls `onEntry` with the entry id the address names (`#chengxin`): once on load, and on every
 * `hashchange`, which covers links followed on the page, back and forward, and an address edited
 * by hand. `onEntry` must be stable (a reducer's `dispatch` wrapped once).
 */
export function useHashEntry(onEntry: (id: string) => void): void {
  useEffect(() => {
    const read = () => {
      const id = entryIdFromHash(window.location.hash);
      if (id !== undefined) onEntry(id);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [onEntry]);
}
