import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  disabledSites,
  firstOccurrenceOnly,
  highlightStyle,
  hoverDelayMs,
  isSiteEnabled,
  markCap,
  parseSiteInput,
  paused,
  readSettings,
  renameSite,
  setSiteEnabled,
  siteKey,
  trigger,
  watchSettings,
  type SettingChange,
  type Settings,
} from './settings';

beforeEach(() => fakeBrowser.reset());

describe('site switch', () => {
  it('is on for every site by default', async () => {
    expect(await isSiteEnabled('example.org')).toBe(true);
  });

  it('remembers sites switched off, and forgets them when switched on again', async () => {
    await setSiteEnabled('example.org', false);
    await setSiteEnabled('news.example', false);
    expect(await isSiteEnabled('example.org')).toBe(false);
    expect(await disabledSites.getValue()).toEqual(['example.org', 'news.example']);
    await setSiteEnabled('example.org', true);
    expect(await isSiteEnabled('example.org')).toBe(true);
    expect(await disabledSites.getValue()).toEqual(['news.example']);
  });

  it.each([
    [
      { host: 'example.org:8080', origin: 'http://example.org:8080', protocol: 'http:' },
      'example.org:8080',
    ],
    [{ host: '', origin: 'null', protocol: 'file:' }, 'file:'],
    [{ host: '', origin: 'https://x', protocol: 'https:' }, 'https://x'],
  ])('keys %o as %s', (location, key) => {
    expect(siteKey(location)).toBe(key);
  });
});

describe('site rules', () => {
  it('reads a corrupt list as the good entries it holds', async () => {
    await fakeBrowser.storage.local.set({
      disabledSites: ['b.example', 42, '', 'a b', 'a.example'],
    });
    expect(await disabledSites.getValue()).toEqual(['a.example', 'b.example']);
  });

  it('reads a stored value that is not a list as no sites', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: 'example.org' });
    expect(await disabledSites.getValue()).toEqual([]);
    expect(await isSiteEnabled('example.org')).toBe(true);
  });

  it('renames a rule (edit)', async () => {
    await setSiteEnabled('old.example', false);
    await setSiteEnabled('z.example', false);
    await renameSite('old.example', 'new.example');
    expect(await disabledSites.getValue()).toEqual(['new.example', 'z.example']);
  });

  it.each([
    ['example.org', 'example.org'],
    ['  News.Example.ORG  ', 'news.example.org'],
    ['example.org:8080', 'example.org:8080'],
    ['https://example.org/some/page?x=1', 'example.org'],
    ['localhost', 'localhost'],
    ['127.0.0.1:3000', '127.0.0.1:3000'],
    ['bücher.example', 'xn--bcher-kva.example'],
  ])('takes %j as the site %s', (input, site) => {
    expect(parseSiteInput(input)).toEqual({ ok: true, site });
  });

  it.each([
    ['', /Type a site/],
    ['two words', /no spaces/],
    ['example.org/page', /without a path/],
    ['-bad-.example', /not a valid host name/],
    ['under_score.example', /not a valid host name/],
    ['ftp://example.org', /Only web sites/],
    ['http://', /not a host name/],
  ])('refuses %j with a clear error', (input, error) => {
    const parsed = parseSiteInput(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(error);
  });
});

describe('settings', () => {
  it('has defaults that work for a reader who never opens the options page', async () => {
    expect(await readSettings()).toEqual({
      paused: false,
      highlightStyle: 'background',
      trigger: 'hover',
      hoverDelayMs: 300,
      firstOccurrenceOnly: false,
      markCap: null,
    });
    expect(DEFAULT_SETTINGS).toEqual(await readSettings());
  });

  it('reads back what was stored', async () => {
    await highlightStyle.setValue('underline');
    await trigger.setValue('modifier');
    await hoverDelayMs.setValue(800);
    await firstOccurrenceOnly.setValue(true);
    await markCap.setValue(25);
    await paused.setValue(true);
    expect(await readSettings()).toEqual({
      paused: true,
      highlightStyle: 'underline',
      trigger: 'modifier',
      hoverDelayMs: 800,
      firstOccurrenceOnly: true,
      markCap: 25,
    });
  });

  it.each([
    ['highlightStyle', 'sparkles', 'background'],
    ['trigger', 'double-click', 'hover'],
    ['hoverDelayMs', 5, 300],
    ['hoverDelayMs', 99_999, 300],
    ['hoverDelayMs', 250.5, 300],
    ['hoverDelayMs', '400', 300],
    ['firstOccurrenceOnly', 'yes', false],
    ['markCap', 0, null],
    ['markCap', -3, null],
    ['paused', 1, false],
  ])('reads a bad stored %s (%j) as its default', async (name, stored, expected) => {
    await fakeBrowser.storage.local.set({ [name]: stored });
    expect((await readSettings())[name as keyof Settings]).toEqual(expected);
  });

  it('refuses to store a value out of bounds, and keeps the old one', async () => {
    await hoverDelayMs.setValue(500);
    await expect(hoverDelayMs.setValue(20)).rejects.toThrow(/hoverDelayMs/);
    await expect(markCap.setValue(0)).rejects.toThrow(/markCap/);
    expect(await hoverDelayMs.getValue()).toBe(500);
    expect(await markCap.getValue()).toBeNull();
  });

  it('reports each change, validated', async () => {
    const changes: SettingChange[] = [];
    const stop = watchSettings((change) => changes.push(change));
    await highlightStyle.setValue('hover');
    await fakeBrowser.storage.local.set({ trigger: 'nonsense' });
    await markCap.setValue(10);
    await markCap.setValue(null);
    stop();
    await paused.setValue(true);
    expect(changes).toEqual([
      { name: 'highlightStyle', value: 'hover' },
      { name: 'trigger', value: 'hover' },
      { name: 'markCap', value: 10 },
      { name: 'markCap', value: null },
    ]);
  });
});
