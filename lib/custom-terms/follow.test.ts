import { describe, expect, it, vi } from 'vitest';
import { bundledGlossary } from '../glossary';
import { followCustomTerms } from './follow';
import type { CustomTerm } from './schema';

const bundled = bundledGlossary();

const hukou: CustomTerm = {
  id: 'custom-hukou',
  term: 'Hukou',
  aliases: [
    { text: '户口', lang: 'zh-Hans', case: 'insensitive', standalone: false, prefer: false },
  ],
  definition: 'Household registration.',
  createdAt: 1,
  updatedAt: 1,
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('followCustomTerms', () => {
  it('does nothing for a reader without custom terms (no recompile, no rescan)', async () => {
    const apply = vi.fn();
    followCustomTerms({
      bundled,
      fetchTerms: async () => [],
      watchRevision: () => () => {},
      apply,
    });
    await flush();
    expect(apply).not.toHaveBeenCalled();
  });

  it('applies the reader’s terms, again after each change, and the bundled glossary once they are gone', async () => {
    let terms: CustomTerm[] = [hukou];
    let changed = () => {};
    const apply = vi.fn();
    followCustomTerms({
      bundled,
      fetchTerms: async () => terms,
      watchRevision: (onChange) => {
        changed = onChange;
        return () => {};
      },
      apply,
    });
    await flush();
    expect(apply).toHaveBeenCalledTimes(1);
    const [glossary, matcher] = apply.mock.calls[0]!;
    expect(glossary.get('custom-hukou')?.term).toBe('Hukou');
    expect(matcher.find('户口')).toEqual([{ start: 0, end: 2, entryId: 'custom-hukou' }]);

    terms = [];
    changed();
    await flush();
    expect(apply).toHaveBeenCalledTimes(2);
    expect(apply.mock.calls[1]![0]).toBe(bundled);
  });

  it('drops an answer overtaken by a newer one, and stops when told', async () => {
    const answers = [deferred<CustomTerm[]>(), deferred<CustomTerm[]>()];
    let call = 0;
    let changed = () => {};
    const unwatch = vi.fn();
    const apply = vi.fn();
    const stop = followCustomTerms({
      bundled,
      fetchTerms: () => answers[call++]!.promise,
      watchRevision: (onChange) => {
        changed = onChange;
        return unwatch;
      },
      apply,
    });
    changed();
    answers[1]!.resolve([{ ...hukou, term: 'Newer' }]);
    answers[0]!.resolve([{ ...hukou, term: 'Older' }]);
    await flush();
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply.mock.calls[0]![0].get('custom-hukou').term).toBe('Newer');
    stop();
    expect(unwatch).toHaveBeenCalled();
  });

  it('reports a failed fetch and keeps the bundled terms', async () => {
    const onError = vi.fn();
    const apply = vi.fn();
    followCustomTerms({
      bundled,
      fetchTerms: () => Promise.reject(new Error('Receiving end does not exist')),
      watchRevision: () => () => {},
      apply,
      onError,
    });
    await flush();
    expect(onError).toHaveBeenCalledWith(new Error('Receiving end does not exist'));
    expect(apply).not.toHaveBeenCalled();
  });
});
