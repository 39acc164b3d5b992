import type { MouseEvent } from 'react';
import type { GlossaryEntry } from '~/lib/glossary';
import { glossaryEntryHash } from '~/lib/glossary/page-url';

interface EntryLinkProps {
  entry: GlossaryEntry;
  /** Called for a link to the entry the address already names (see below). */
  onRevisit: (entryId: string) => void;
}

/**
 * A real link to another entry on the page (`href="#id"`): it works from the keyboard, opens in a
 * new tab, and adds a history step, so Back returns to where the reader was.
 */
export function EntryLink({ entry, onRevisit }: EntryLinkProps) {
  const href = glossaryEntryHash(entry.id);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    // A link to the entry already in the address fires no `hashchange`, yet that entry may since
    // have been filtered out or scrolled away: take the reader there without a new history step.
    if (window.location.hash === href) {
      event.preventDefault();
      onRevisit(entry.id);
    }
  };
  return (
    <a href={href} onClick={onClick}>
      {entry.term}
    </a>
  );
}
