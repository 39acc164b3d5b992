import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import { PopoverApp } from '~/components/PopoverApp';
import type { PopoverStore } from '~/components/popover-store';
import notesCss from '~/components/notes/notes.css?inline';
import paletteCss from '~/components/palette.css?inline';
import popoverCss from '~/components/popover.css?inline';
import type { Glossary } from '~/lib/glossary';
import { requestGlossaryPage } from '~/lib/glossary/open-glossary';
import { messagingNotesApi } from '~/lib/notes/notes-api';
import { UI_HOST_TAG } from '~/lib/scan/skip';

/**
 * The one element we add to a page: a `<credit-lens-ui>` host with a closed shadow root that the
 * React popover renders into. It is only created when a popover first opens, so a page the reader
 * never hovers is left exactly as it was.
 */
export class PopoverHost {
  #ui: ShadowRootContentScriptUi<Root> | undefined;
  #mounting: Promise<void> | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly glossary: Glossary,
    private readonly store: PopoverStore,
    private readonly onClose: () => void,
  ) {}

  /** Whether an event target is our host (events from inside a shadow root are retargeted to it). */
  contains(target: EventTarget | null): boolean {
    const host = this.#ui?.shadowHost;
    return host !== undefined && target instanceof Node && host.contains(target);
  }

  /** Whether the reader's focus is inside the popover. */
  hasFocus(): boolean {
    return this.#ui !== undefined && this.#ui.shadow.activeElement !== null;
  }

  ensureMounted(): Promise<void> {
    this.#mounting ??= this.#mount();
    return this.#mounting;
  }

  remove(): void {
    this.#ui?.remove();
    this.#ui = undefined;
    this.#mounting = undefined;
  }

  async #mount(): Promise<void> {
    const ui = await createShadowRootUi<Root>(this.ctx, {
      name: UI_HOST_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // Closed: the page's scripts cannot reach into the popover (or the notes typed into it).
      mode: 'closed',
      css: [paletteCss, popoverCss, notesCss].join('\n'),
      // Keys typed in the popover must not trigger the page's own shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => {
        const root = createRoot(container);
        root.render(
          <PopoverApp
            store={this.store}
            glossary={this.glossary}
            notes={messagingNotesApi}
            page={() => ({ url: location.href, title: document.title })}
            openInGlossary={async (entryId) => {
              await requestGlossaryPage(entryId);
            }}
            onClose={this.onClose}
          />,
        );
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
    ui.mount();
    this.#ui = ui;
  }
}
