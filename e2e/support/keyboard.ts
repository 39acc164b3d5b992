import type { Page } from 'puppeteer-core';

/*
 * Whether Tab reaches every control. The controls are listed in the page (inside open shadow
 * roots too), each given a name; then Tab is pressed, and the deepest focused element noted each
 * time. A radio group counts as one stop, as browsers make it (arrow keys move inside it).
 */

const MARK = 'data-keyboard-stop';

/** Names the visible, enabled, focusable controls under `rootSelector` (in a shadow root too). */
export async function listControls(page: Page, rootSelector = 'body'): Promise<string[]> {
  return page.evaluate(
    (rootSelector, mark) => {
      const find = (root: Document | ShadowRoot, selector: string): Element | null => {
        const here = root.querySelector(selector);
        if (here) return here;
        for (const host of root.querySelectorAll('*')) {
          const inner = host.shadowRoot && find(host.shadowRoot, selector);
          if (inner) return inner;
        }
        return null;
      };
      const root = find(document, rootSelector);
      if (!root) throw new Error(`no ${rootSelector}`);
      const controls = [
        ...root.querySelectorAll<HTMLElement>(
          'a[href], button, input, select, textarea, summary, [tabindex]',
        ),
      ].filter(
        (el) =>
          !(el as HTMLButtonElement).disabled &&
          el.tabIndex >= 0 &&
          el.checkVisibility({ visibilityProperty: true }) &&
          // A control inside a closed <details> other than its summary cannot be reached.
          !el.closest('details:not([open]) > :not(summary)'),
      );
      const names = new Set<string>();
      controls.forEach((el, i) => {
        const radio = el instanceof HTMLInputElement && el.type === 'radio' && el.name;
        const name = radio
          ? `radio group ${el.name}`
          : `${el.tagName.toLowerCase()} #${i}: ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`;
        el.setAttribute(mark, name);
        names.add(name);
      });
      return [...names];
    },
    rootSelector,
    MARK,
  );
}

/** Presses Tab `presses` times from where focus is; returns the named controls focus visited. */
export async function tabThrough(page: Page, presses: number): Promise<Set<string>> {
  const visited = new Set<string>();
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate((mark) => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute(mark) ?? null;
    }, MARK);
    if (name) visited.add(name);
  }
  return visited;
}
