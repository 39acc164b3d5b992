import { useSyncExternalStore } from 'react';
import { formatNumber, i18n } from '~/lib/i18n';

/** What the keyboard command says it moved to: "Hukou: term 3 of 12 on this page." */
export function termPositionSentence(term: string, position: number, count: number): string {
  return i18n.t('announcer.termPosition', {
    term,
    position: formatNumber(position),
    count: formatNumber(count),
  });
}

/** What the keyboard command says when the page hides the term it moved to (clickjacking guard). */
export function hiddenTermSentence(term: string): string {
  return i18n.t('announcer.termHidden', { term });
}

/**
 * What screen readers should hear that focus alone does not tell them (which term of how many the
 * keyboard command moved to). The text lives in a live region inside our shadow root; a region
 * only announces *changes*, so it is rendered empty with the rest of our UI, and text is put in
 * it afterwards (see `PopoverHost.announce`).
 */
export class Announcements {
  #text = '';
  #repeat = false;
  readonly #listeners = new Set<() => void>();

  get = (): string => this.#text;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  say(text: string): void {
    // The same words twice in a row are not a change; a trailing no-break space makes them one.
    this.#repeat = text === this.#text.trimEnd() ? !this.#repeat : false;
    this.#text = this.#repeat ? `${text}\u00a0` : text;
    for (const listener of this.#listeners) listener();
  }
}

/** Hidden from sight, not from assistive technology (the usual "visually hidden" recipe). */
const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

export function LiveAnnouncer({ announcements }: { announcements: Announcements }) {
  const text = useSyncExternalStore(announcements.subscribe, announcements.get);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" style={visuallyHidden}>
      {text}
    </div>
  );
}
