import type { ElementHandle } from 'puppeteer-core';
import { delay, type PageOrFrame } from './page-helpers';

/*
 * Finding the popover's controls by role and accessible name, as a user of a screen reader would.
 *
 * The popover lives in a *closed* shadow root, which page scripts (and so `page.$('css')`) cannot
 * enter. Each browser offers an honest way in that goes through its automation protocol:
 *
 * - Chromium (CDP): puppeteer's ARIA query reads the browser's accessibility tree, which includes
 *   the content of closed shadow roots. A plain `page.$('::-p-aria(...)')` finds the dialog.
 * - Firefox (WebDriver BiDi): the same ARIA query becomes `browsingContext.locateNodes` with an
 *   accessibility locator, but Firefox 153 searches only the document's light tree, not shadow
 *   trees (open or closed). WebDriver BiDi does, by specification, give automation a reference to
 *   an element's shadow root whatever its mode (`shadowRoot` in the serialised node), and
 *   `locateNodes` accepts it as a start node. So we take `<credit-lens-ui>`'s shadow root from the
 *   protocol and run the same accessibility query inside it.
 *
 * The Firefox path wraps the protocol's shadow-root reference in puppeteer's own element-handle
 * class (reached through an existing handle's constructor, as puppeteer does not export it).
 * That is puppeteer-internal API; if an upgrade breaks it, this throws and says so.
 */

interface BidiNodeValue {
  value?: { shadowRoot?: { sharedId?: string } | null };
}

interface BidiElementHandleInternals {
  remoteValue(): BidiNodeValue;
  realm: unknown;
  constructor: { from(value: unknown, realm: unknown): ElementHandle<Node> };
}

/** Firefox is driven over WebDriver BiDi, Chromium over CDP (see `launchBrowser`). */
async function isFirefox(page: PageOrFrame): Promise<boolean> {
  const browser = 'mainFrame' in page ? page.browser() : page.page().browser();
  return (await browser.version()).toLowerCase().startsWith('firefox');
}

function ariaSelector(role: string, name: string): string {
  return `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;
}

/** The closed shadow roots of our UI hosts, as handles that ARIA queries can start from (Firefox). */
export async function uiShadowRoots(page: PageOrFrame): Promise<ElementHandle<Node>[]> {
  const hosts = await page.$$('credit-lens-ui');
  return hosts.flatMap((host) => {
    const internals = host as unknown as BidiElementHandleInternals;
    if (
      typeof internals.remoteValue !== 'function' ||
      typeof internals.constructor.from !== 'function'
    ) {
      throw new Error(
        'puppeteer internals changed: cannot reach the shadow root over WebDriver BiDi',
      );
    }
    const shadowRoot = internals.remoteValue().value?.shadowRoot;
    return shadowRoot?.sharedId ? [internals.constructor.from(shadowRoot, internals.realm)] : [];
  });
}

/** The element with this role and accessible name, in the page or our popover; null if none. */
export async function queryByRole(
  page: PageOrFrame,
  role: string,
  name: string,
): Promise<ElementHandle<Element> | null> {
  const selector = ariaSelector(role, name);
  if (!(await isFirefox(page))) return page.$(selector);
  for (const root of await uiShadowRoots(page)) {
    const found = await root.$(selector);
    if (found) return found;
  }
  return page.$(selector);
}

export interface WaitOptions {
  timeout?: number;
}

/** Waits for a visible element with this role and name (e.g. the popover's dialog). */
export async function waitForRole(
  page: PageOrFrame,
  role: string,
  name: string,
  { timeout = 5_000 }: WaitOptions = {},
): Promise<ElementHandle<Element>> {
  const started = Date.now();
  for (;;) {
    const found = await queryByRole(page, role, name);
    if (found && (await found.boundingBox())) return found;
    if (Date.now() - started > timeout) {
      throw new Error(`No visible ${role} named "${name}" after ${timeout} ms`);
    }
    await delay(25);
  }
}

/** Waits until no visible element has this role and name (e.g. the popover has closed). */
export async function waitForNoRole(
  page: PageOrFrame,
  role: string,
  name: string,
  { timeout = 5_000 }: WaitOptions = {},
): Promise<void> {
  const started = Date.now();
  for (;;) {
    const found = await queryByRole(page, role, name);
    if (!found || !(await found.boundingBox())) return;
    if (Date.now() - started > timeout) {
      throw new Error(`A ${role} named "${name}" is still visible after ${timeout} ms`);
    }
    await delay(25);
  }
}

/** Any visible dialog at all (whatever its name): used to check that nothing opened. */
export async function anyDialogOpen(page: PageOrFrame): Promise<boolean> {
  // Accessible names are matched exactly, so ask for the role alone.
  const selector = '::-p-aria([role="dialog"])';
  const candidates = (await isFirefox(page))
    ? (await Promise.all((await uiShadowRoots(page)).map((root) => root.$$(selector)))).flat()
    : await page.$$(selector);
  for (const candidate of candidates) if (await candidate.boundingBox()) return true;
  return false;
}
