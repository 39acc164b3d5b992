import { useLiveQuery } from 'dexie-react-hooks';

/** A live query's state: still reading, its latest value, or why it failed. */
export type LiveResult<T> =
  { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed'; error: string };

/**
 * `useLiveQuery`, re-run whenever the notes change (here, or in the background or another
 * extension page), but with failures returned as a state: `useLiveQuery` rethrows them during
 * render, which would blank the whole popup instead of one list.
 *
 * While new deps are being read, the previous value stays (no flicker on "Show more").
 */
export function useLiveResult<T>(read: () => Promise<T>, deps: unknown[]): LiveResult<T> {
  return useLiveQuery(
    async (): Promise<LiveResult<T>> => {
      try {
        return { kind: 'ready', value: await read() };
      } catch (caught) {
        return { kind: 'failed', error: caught instanceof Error ? caught.message : String(caught) };
      }
    },
    // The caller's deps are the query's deps, exactly as with `useLiveQuery`.
    deps,
    { kind: 'loading' },
  );
}
