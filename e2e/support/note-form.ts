import type { Page } from 'puppeteer-core';
import { waitForRole } from './aria';

/** Scrolls a control into view, as a reader would, and clicks it. */
export async function clickRole(page: Page, role: string, name: string): Promise<void> {
  const control = await waitForRole(page, role, name, { timeout: 10_000 });
  await control.evaluate((element) => element.scrollIntoView({ block: 'nearest' }));
  await control.click();
}

/** In the open popover of `termName`: "Add note", types `body`, presses "Save note". */
export async function writeNote(page: Page, termName: string, body: string): Promise<void> {
  await clickRole(page, 'button', 'Add note');
  const box = await waitForRole(page, 'textbox', `New note on ${termName}`);
  await box.type(body);
  await clickRole(page, 'button', 'Save note');
}

/** What the popover's note form says in its alert (Chromium: found through the a11y tree). */
export async function noteFormAlert(page: Page): Promise<string | null> {
  const alert = await page.$('::-p-aria([role="alert"])');
  return alert ? alert.evaluate((element) => element.textContent) : null;
}
