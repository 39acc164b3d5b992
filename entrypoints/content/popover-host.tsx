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
import type { LensGlossary } from '~/lib/custom-terms/lens-glossary';
import { requestGlossaryPage } from '~/lib/glossary/open-glossary';
import { uiLanguage } from '~/lib/i18n';
import { messagingNotesApi } from '~/lib/notes/notes-api';
import { UI_HOST_TAG } from '~/lib/scan/skip';
import { Announcements, LiveAnnouncer } from './announcer';

/**
 * How long a live region must exist before its text changes for screen readers to announce the
 * change: they register a region when it appears and only voice later changes to it.
 */
const LIVE_REGION_SETTLE_MS = 300;

/**
 * The one element we add to a page: a `<credit-lens-ui>` host with a closed shadow root that the
 * React popover renders into. It is only created when a popover first opens, so a page the reader
 * never hovers is left exactly as it was.
 */
export class PopoverHost {
  #ui: ShadowRootContentScriptUi<Root> | undefined;
  #mounting: Promise<void> | undefined;
  /** When the UI (and with it the live region) was mounted. */
  #mountedAt = 0;
  readonly #announcements = new Announcements();
  #announceTurn = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly glossary: LensGlossary,
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

  /** Moves focus into the open popover (its dialog), if there is one. */
  focusPopover(): void {
    const dialog = this.#ui?.shadow.querySelector<HTMLElement>('[role="dialog"]');
    dialog?.focus({ preventScroll: true });
  }

  /**
   * Says something to screen readers through our live region. Right after the UI first mounts,
   * waits until the (empty) region has been there long enough to be announced reliably.
   */
  async announce(text: string): Promise<void> {
    // Only the newest announcement is said: one made while an earlier one waits replaces it.
    const turn = ++this.#announceTurn;
    await this.ensureMounted();
    const settle = this.#mountedAt + LIVE_REGION_SETTLE_MS - performance.now();
    if (settle > 0) await new Promise((resolve) => setTimeout(resolve, settle));
    if (turn === this.#announceTurn) this.#announcements.say(text);
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
        // Our UI speaks the browser's language whatever the page's own `lang` (set inside our
        // shadow root, never on the page).
        container.lang = uiLanguage();
        const root = createRoot(container);
        root.render(
          <>
            <PopoverApp
              store={this.store}
              glossary={this.glossary}
              notes={messagingNotesApi}
              page={() => ({ url: location.href, title: document.title })}
              openInGlossary={async (entryId) => {
                await requestGlossaryPage(entryId);
              }}
              onClose={this.onClose}
            />
            {/* Outside the popover, so it exists (empty) before anything is announced. */}
            <LiveAnnouncer announcements={this.#announcements} />
          </>,
        );
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
    // A page that defined our host's tag as a custom element of its own before we attached the
    // shadow root holds the host's ElementInternals, whose `shadowRoot` hands it even a closed
    // root, and with it every note the popover shows. Such a page gets no popover at all.
    // (Defined later, the internals see nothing: the spec only exposes roots attached to an
    // element that was already custom.)
    if (ui.shadowHost.matches(':defined')) {
      ui.remove();
      return;
    }
    ui.mount();
    this.#mountedAt = performance.now();
    this.#ui = ui;
  }
}
