import { useSyncExternalStore } from 'react';
import type { LensGlossary } from '~/lib/custom-terms/lens-glossary';
import { i18n } from '~/lib/i18n';
import type { NotesApi } from '~/lib/notes/notes-api';
import { EntryDetails, type Confusion } from './EntryDetails';
import { TermNotes, type PageInfo } from './notes/TermNotes';
import type { PopoverStore } from './popover-store';
import { TermPopover } from './TermPopover';

interface PopoverAppProps {
  store: PopoverStore;
  /** The bundled glossary with the reader's own terms in it. */
  glossary: LensGlossary;
  notes: NotesApi;
  /** The page the popover is on, read when a note is saved. */
  page: () => PageInfo;
  /** Opens the glossary page at an entry (the background opens the tab). */
  openInGlossary: (entryId: string) => Promise<void>;
  onClose: () => void;
}

/** The content script's whole UI: the popover for whichever term is open, or nothing. */
export function PopoverApp({
  store,
  glossary,
  notes,
  page,
  openInGlossary,
  onClose,
}: PopoverAppProps) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const entry = state && glossary.get(state.entryId);
  if (!state || !entry) return null;
  const related = entry.related.flatMap((id) => glossary.get(id) ?? []);
  const confusions = entry.notConfusedWith.flatMap(({ id, why }): Confusion[] => {
    const other = glossary.get(id);
    return other ? [{ entry: other, why }] : [];
  });
  const previous = state.trail.at(-1);
  const previousEntry = previous === undefined ? undefined : glossary.get(previous);

  return (
    <TermPopover
      anchor={state.anchor}
      takeFocus={state.openedBy !== 'hover' || state.trail.length > 0}
      contentKey={state.entryId}
      onClose={onClose}
    >
      {(headingId) => (
        <>
          {previousEntry && (
            <button type="button" className="popover-back" onClick={() => store.back()}>
              {i18n.t('popover.back', { term: previousEntry.term })}
            </button>
          )}
          <EntryDetails
            entry={entry}
            headingId={headingId}
            related={related}
            confusions={confusions}
            onSelectEntry={(id) => store.showRelated(id)}
            onOpenInGlossary={openInGlossary}
          />
          <TermNotes
            key={entry.id}
            api={notes}
            termId={entry.id}
            termName={entry.term}
            page={page()}
            quote={state.quote}
          />
        </>
      )}
    </TermPopover>
  );
}
