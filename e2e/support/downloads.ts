import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { waitForRole } from './aria';
import type { LaunchedBrowser } from './browsers';
import { delay } from './page-helpers';

/*
 * Chromium only: real downloads from the extension's pages. Chromium is told over CDP
 * (`Browser.setDownloadBehavior`) to save them in a folder of ours, and the test reads the file.
 */

export interface Download {
  name: string;
  file: string;
  text: string;
}

/** Clicks the button named `button` and returns the one file the browser saved under `workDir`. */
export async function downloadByButton(
  launched: LaunchedBrowser,
  page: Page,
  button: string,
  workDir: string,
): Promise<Download> {
  const dir = await mkdtemp(path.join(workDir, 'download-'));
  const cdp = await launched.browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
  await (await waitForRole(page, 'button', button)).click();
  const started = Date.now();
  for (;;) {
    const files = (await readdir(dir)).filter((name) => !name.endsWith('.crdownload'));
    if (files.length === 1) {
      await cdp.detach();
      const file = path.join(dir, files[0]!);
      return { name: files[0]!, file, text: await readFile(file, 'utf8') };
    }
    if (Date.now() - started > 10_000) throw new Error(`No download after "${button}"`);
    await delay(50);
  }
}

/**
 * Chooses a file in a file input found by its label's text. (Not by ARIA query: Chromium's
 * `queryAXTree` does not find file inputs by name, though they have one.)
 */
export async function chooseFileByLabel(page: Page, label: string, file: string): Promise<void> {
  const field = await page.evaluateHandle(
    (name) =>
      [...document.querySelectorAll('label')].find((element) => element.textContent === name)
        ?.control ?? null,
    label,
  );
  const input = field.asElement() as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`No field labelled "${label}"`);
  await input.uploadFile(file);
}
