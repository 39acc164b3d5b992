import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoExpected } from './fixtures/demo-expected';
import { queryByRole, waitForRole } from './support/aria';
import { runAxe, seriousOrCritical } from './support/axe';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { glossaryEntries, glossaryEntry } from './support/glossary';
import { hover, openScanned, waitForScan } from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';

/*
 * The UI follows the browser's language: a browser in Simplified Chinese gets the popover, the
 * popup, the options page and the glossary page in Chinese (`locales/zh_CN.yml`), while the
 * glossary's entries stay as written. Chromium takes `--lang=zh-CN`, headless too.
 */

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

const socialCredit = glossaryEntry('social-credit-system');

/** The slice of the WebExtension API read from the extension's own pages. */
interface ChromeApi {
  chrome: {
    tabs: { query(query: object): Promise<{ id?: number }[]> };
    commands: { getAll(): Promise<{ name?: string; description?: string }[]> };
    action: { getTitle(details: { tabId: number }): Promise<string> };
    runtime: { getManifest(): { name: string; description?: string } };
  };
}

async function tabIds(extensionPage: Page): Promise<number[]> {
  return extensionPage.evaluate(async () => {
    const tabs = await (globalThis as unknown as ChromeApi).chrome.tabs.query({});
    return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  });
}

describe.skipIf(!browsersUnderTest().includes('chromium'))('Chinese UI in chromium', () => {
  let launched: LaunchedBrowser;
  const pages: Page[] = [];
  const open = async (url: string) => {
    const page = await launched.browser.newPage();
    pages.push(page);
    await page.goto(url);
    return page;
  };

  beforeAll(async () => {
    launched = await launchBrowser('chromium', { locale: 'zh-CN' });
  });
  afterAll(async () => {
    await launched?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) if (!page.isClosed()) await page.close();
  });

  it('shows the popover in Chinese around the English entry', async () => {
    const { page, problems } = await openScanned(launched.browser, server.url('/index.html'));
    pages.push(page);
    await hover(page, 'social credit system', 1);
    const dialog = await waitForRole(page, 'dialog', socialCredit.term);
    expect(await queryByRole(page, 'button', '关闭')).not.toBeNull();
    expect(await queryByRole(page, 'button', '在术语表中打开')).not.toBeNull();
    expect(await queryByRole(page, 'button', '添加笔记')).not.toBeNull();
    const text = (await dialog.evaluate((element) => element.textContent)) ?? '';
    expect(text).toContain('2018 年研讨会上的说法');
    expect(text).toContain(socialCredit.definition);
    expect(problems).toEqual([]);
  });

  it('shows the popup in Chinese, and the badge and commands too', async () => {
    const popupUrl = `${launched.extensionOrigin}/popup.html`;
    const popup = await open(popupUrl);
    const known = new Set(await tabIds(popup));
    const demo = await open(server.url('/index.html'));
    await waitForScan(demo);
    const [demoTab] = (await tabIds(popup)).filter((id) => !known.has(id));
    await popup.goto(`${popupUrl}?tab=${demoTab}`);
    await popup.bringToFront();

    await waitForRole(popup, 'heading', `本页找到 ${demoExpected.length} 个术语`);
    await waitForRole(popup, 'tab', '本页');
    await waitForRole(popup, 'tab', '全部笔记');
    await waitForRole(popup, 'switch', `在 ${new URL(server.origin).host} 上标记术语`);
    await waitForRole(popup, 'button', '新建笔记');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    // The toolbar button's tooltip, the keyboard commands and the manifest (__MSG_…__).
    const seen = await popup.evaluate(async (tabId) => {
      const { chrome } = globalThis as unknown as ChromeApi;
      return {
        title: await chrome.action.getTitle({ tabId }),
        commands: (await chrome.commands.getAll()).map((command) => command.description),
        description: chrome.runtime.getManifest().description,
      };
    }, demoTab!);
    expect(seen.title).toBe(`Credit Lens：本页已标记 ${demoExpected.length} 个术语`);
    expect(seen.commands).toEqual(
      expect.arrayContaining(['打开本页下一个已标记的术语', '打开本页上一个已标记的术语']),
    );
    expect(seen.description).toContain('治理与信用体系术语');
  });

  it('shows the options page in Chinese', async () => {
    const options = await open(`${launched.extensionOrigin}/options.html`);
    await waitForRole(options, 'heading', 'Credit Lens 选项');
    await waitForRole(options, 'heading', '标记术语');
    await waitForRole(options, 'heading', '笔记的导出和导入');
    await waitForRole(options, 'checkbox', '在所有网站上标记术语');
    await waitForRole(options, 'button', '添加术语');
    await waitForRole(options, 'button', '导出为 JSON（完整备份）');
    expect(await options.title()).toBe('选项 · Credit Lens');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // In Chinese too, axe finds nothing serious (a wrong `lang` or a label lost in translation).
    expect(seriousOrCritical(await runAxe(options))).toEqual([]);
  });

  it('shows the glossary page’s chrome in Chinese and its entries as written', async () => {
    const glossary = await open(`${launched.extensionOrigin}/glossary.html`);
    await waitForRole(glossary, 'heading', 'Credit Lens 术语表');
    await waitForRole(glossary, 'searchbox', '搜索术语表');
    await waitForRole(glossary, 'radio', `全部 ${glossaryEntries.length}`);
    await waitForRole(glossary, 'heading', socialCredit.term);
    const status = await glossary.$eval('[role="status"]', (element) => element.textContent);
    expect(status).toBe(`${glossaryEntries.length} 个条目`);
    const entryLang = await glossary.$eval(`[id="${socialCredit.id}"]`, (el) =>
      el.getAttribute('lang'),
    );
    expect(entryLang).toBe('en');
    expect(seriousOrCritical(await runAxe(glossary))).toEqual([]);
  });
});

/** Debian's zh-CN langpack for Firefox ESR (package firefox-esr-l10n-zh-cn). */
const zhLangpack =
  '/usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@firefox-esr.mozilla.org.xpi';
const haveLangpack = existsSync(zhLangpack);

describe.skipIf(!browsersUnderTest().includes('firefox'))('UI language in firefox', () => {
  let english: LaunchedBrowser;
  let chinese: LaunchedBrowser | undefined;

  beforeAll(async () => {
    english = await launchBrowser('firefox');
    // Firefox gives an extension its own UI language, which needs that language's langpack.
    if (haveLangpack) chinese = await launchBrowser('firefox', { locale: 'zh-CN' });
    else console.log(`No ${zhLangpack}: the Chinese popover is checked in Chromium only.`);
  });
  afterAll(async () => {
    await english?.close();
    await chinese?.close();
  });

  it('fills the popover with its English messages from _locales', async () => {
    const { page, problems } = await openScanned(english.browser, server.url('/index.html'));
    try {
      await hover(page, 'social credit system', 1);
      const dialog = await waitForRole(page, 'dialog', socialCredit.term);
      expect(await queryByRole(page, 'button', 'Close')).not.toBeNull();
      expect(await queryByRole(page, 'button', 'Open in glossary')).not.toBeNull();
      expect(await queryByRole(page, 'button', 'Add note')).not.toBeNull();
      const text = (await dialog.evaluate((element) => element.textContent)) ?? '';
      expect(text).toContain(`Sources (${socialCredit.sources.length})`);
      expect(text).toContain('In the 2018 seminar');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.skipIf(!haveLangpack)(
    'shows the popover in Chinese with the zh-CN langpack (firefox-esr-l10n-zh-cn)',
    async () => {
      const { page, problems } = await openScanned(chinese!.browser, server.url('/index.html'));
      try {
        await hover(page, 'social credit system', 1);
        const dialog = await waitForRole(page, 'dialog', socialCredit.term);
        expect(await queryByRole(page, 'button', '关闭')).not.toBeNull();
        expect(await queryByRole(page, 'button', '在术语表中打开')).not.toBeNull();
        const text = (await dialog.evaluate((element) => element.textContent)) ?? '';
        expect(text).toContain(`来源（${socialCredit.sources.length}）`);
        expect(text).toContain(socialCredit.definition);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
