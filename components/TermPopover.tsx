import {
  autoUpdate,
  flip,
  inline,
  offset,
  shift,
  size,
  useFloating,
  type VirtualElement,
} from '@floating-ui/react-dom';
import { useId, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { toLiveRange } from '~/lib/highlight/hit-test';
import { i18n } from '~/lib/i18n';
import { measurePopoverPainted } from './popover-timing';

const VIEWPORT_PADDING = 8;

interface TermPopoverProps {
  /** The marked text the popover points at. */
  anchor: AbstractRange;
  /** Move focus into the popover (click and keyboard opens), or leave it (hover). */
  takeFocus: boolean;
  /** Changes whenever the content changes, so focus can move to the new content's heading. */
  contentKey: string;
  onClose: () => void;
  children: (headingId: string) => ReactNode;
}

/**
 * The floating dialog: placed by Floating UI next to the term (below, or above when there is no
 * room), kept inside the viewport, following scroll and resize. `inline()` picks the right line
 * box when a term wraps across lines.
 */
export function TermPopover({
  anchor,
  takeFocus,
  contentKey,
  onClose,
  children,
}: TermPopoverProps) {
  const headingId = useId();
  const dialogRef = useRef<HTMLDivElement | null>(null);

  const reference = useMemo<VirtualElement>(
    () => ({
      getBoundingClientRect: () => toLiveRange(anchor).getBoundingClientRect(),
      getClientRects: () => toLiveRange(anchor).getClientRects(),
      // Lets autoUpdate find the scroll containers the term lives in.
      contextElement: anchor.startContainer.parentElement ?? undefined,
    }),
    [anchor],
  );

  const { refs, floatingStyles, isPositioned } = useFloating({
    strategy: 'fixed',
    placement: 'bottom-start',
    elements: { reference },
    whileElementsMounted: autoUpdate,
    middleware: [
      inline(),
      offset(6),
      flip({ padding: VIEWPORT_PADDING }),
      shift({ padding: VIEWPORT_PADDING }),
      size({
        padding: VIEWPORT_PADDING,
        apply({ availableHeight, elements }) {
          elements.floating.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
        },
      }),
    ],
  });

  // The top layer puts the popover above every stacking context of the page (no z-index wars).
  useLayoutEffect(() => {
    const el = dialogRef.current;
    if (el && typeof el.showPopover === 'function' && !el.matches(':popover-open')) {
      el.showPopover();
    }
  }, []);

  useLayoutEffect(() => {
    if (takeFocus) dialogRef.current?.focus({ preventScroll: true });
  }, [takeFocus, contentKey]);

  // Placement is asynchronous: the popover counts as open once it is painted where it belongs.
  useLayoutEffect(() => {
    if (isPositioned) measurePopoverPainted();
  }, [isPositioned, anchor]);

  return (
    <div
      ref={(el) => {
        dialogRef.current = el;
        refs.setFloating(el);
      }}
      className="popover"
      popover="manual"
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      style={floatingStyles}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <button
        type="button"
        className="popover-close"
        aria-label={i18n.t('popover.close')}
        onClick={onClose}
      >
        ×
      </button>
      {children(headingId)}
    </div>
  );
}
