// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledSites, setSiteEnabled } from '~/lib/settings';
import { SiteRulesSection } from './SiteRulesSection';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const listed = () =>
  within(screen.getByRole('list', { name: 'Sites where marking is off' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.site-rules-host')?.textContent);

describe('SiteRulesSection', () => {
  it('says when marking is on everywhere', async () => {
    render(<SiteRulesSection />);
    expect(await screen.findByText('Marking is on for every site.')).toBeTruthy();
  });

  it('lists the sites where marking is off, live', async () => {
    await setSiteEnabled('b.example', false);
    render(<SiteRulesSection />);
    await waitFor(() => expect(listed()).toEqual(['b.example']));
    // Switched off in the popup meanwhile.
    await setSiteEnabled('a.example', false);
    await waitFor(() => expect(listed()).toEqual(['a.example', 'b.example']));
  });

  it('adds a site, taking the host name from an address', async () => {
    render(<SiteRulesSection />);
    const user = userEvent.setup();
    const box = await screen.findByRole('textbox', { name: 'Add a site where marking is off' });
    await user.type(box, 'https://News.Example.org/story?id=1');
    await user.click(screen.getByRole('button', { name: 'Add site' }));
    await waitFor(async () => expect(await disabledSites.getValue()).toEqual(['news.example.org']));
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('status').textContent).toBe(
      'Added. Credit Lens marks no terms on news.example.org.',
    );
  });

  it('refuses a bad host name with a clear error, keeping what was typed', async () => {
    render(<SiteRulesSection />);
    const user = userEvent.setup();
    const box = await screen.findByRole('textbox', { name: 'Add a site where marking is off' });
    await user.type(box, 'not a host');
    await user.click(screen.getByRole('button', { name: 'Add site' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/no spaces/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain(alert.id);
    expect((box as HTMLInputElement).value).toBe('not a host');
    expect(await disabledSites.getValue()).toEqual([]);
  });

  it('refuses a site already listed', async () => {
    await setSiteEnabled('example.org', false);
    render(<SiteRulesSection />);
    const user = userEvent.setup();
    await user.type(
      await screen.findByRole('textbox', { name: 'Add a site where marking is off' }),
      'example.org',
    );
    await user.click(screen.getByRole('button', { name: 'Add site' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'example.org is already in the list.',
    );
  });

  it('edits a rule, and returns focus to it', async () => {
    await setSiteEnabled('old.example', false);
    render(<SiteRulesSection />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit old.example' }));
    const box = screen.getByRole('textbox', { name: 'New host name for old.example' });
    expect(document.activeElement).toBe(box);
    await user.clear(box);
    await user.type(box, 'new.example');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(listed()).toEqual(['new.example']));
    expect(await disabledSites.getValue()).toEqual(['new.example']);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit new.example' })),
    );
  });

  it('cancels an edit with Escape, changing nothing', async () => {
    await setSiteEnabled('old.example', false);
    render(<SiteRulesSection />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit old.example' }));
    await user.type(
      screen.getByRole('textbox', { name: 'New host name for old.example' }),
      'x{Escape}',
    );
    expect(screen.queryByRole('textbox', { name: /New host name/ })).toBeNull();
    expect(await disabledSites.getValue()).toEqual(['old.example']);
  });

  it('removes a rule', async () => {
    await setSiteEnabled('a.example', false);
    await setSiteEnabled('b.example', false);
    render(<SiteRulesSection />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Remove a.example' }));
    await waitFor(() => expect(listed()).toEqual(['b.example']));
    expect(await disabledSites.getValue()).toEqual(['b.example']);
    expect(screen.getByRole('status').textContent).toBe(
      'Removed. Credit Lens marks terms on a.example again.',
    );
  });
});
