import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledSites, isSiteEnabled, setSiteEnabled, siteKey } from './settings';

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
