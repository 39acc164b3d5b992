import { useCallback, useEffect, useState } from 'react';
import type { SettingItem } from '~/lib/settings';

/**
 * A stored setting, live: its value (undefined until first read), following changes made
 * anywhere (the popup, the options page, another window), and a setter that validates.
 */
export function useSetting<T>(
  item: SettingItem<T>,
): [value: T | undefined, setValue: (value: T) => Promise<void>] {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let current = true;
    // Watched before the first read, so a change made meanwhile is not missed.
    const stop = item.watch((next) => {
      if (current) setValue(() => next);
    });
    void item.getValue().then((first) => {
      if (current) setValue((seen) => (seen === undefined ? first : seen));
    });
    return () => {
      current = false;
      stop();
    };
  }, [item]);
  const set = useCallback(
    async (next: T) => {
      await item.setValue(next);
      // Shown at once, without waiting for the storage event to come back.
      setValue(() => next);
    },
    [item],
  );
  return [value, set];
}
