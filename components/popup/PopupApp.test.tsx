// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageTerms } from '~/lib/messages';
import { disabledSites } from '~/lib/settings';
import { PopupApp } from './PopupApp';

const summary = vi.hoisted(() => ({ fetchPageSummary: vi.fn() }));
vi.mock('~/lib/popup/page-summary', () => summary);

const page: PageTerms = {
  site: 'example.org',
  enabled: true,
  total: 5,
  terms: [
    { entryId: 'social-credit-system', term: 'Social credit system', count: 3 },
    { entryId: 'grc', term: 'GRC (governance, risk and compliance)', count: 2 },
  ],
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  summary.fetchPageSummary.mockReset();
});

describe('PopupApp', () => {
  it('shows how many terms the page has, and which', async () => {
    summary.fetchPageSummary.mockResolvedValue({ kind: 'ready', page });
    render(<PopupApp findTab={async () => 7} />);
    expect(await screen.findByRole('heading', { name: '5 terms found on this page' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Social credit system\s*3 times/ })).toBeTruthy();
    expect(summary.fetchPageSummary).toHaveBeenCalledWith(7);
  });

  it('explains restricted pages instead of showing an error', async () => {
    summary.fetchPageSummary.mockResolvedValue({ kind: 'restricted' });
    render(<PopupApp findTab={async () => undefined} />);
    expect(await screen.findByText(/can’t read this page/)).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('switches marking off for the site, and remembers it', async () => {
    const user = userEvent.setup();
    summary.fetchPageSummary.mockResolvedValue({ kind: 'ready', page });
    render(<PopupApp findTab={async () => 7} />);
    const toggle = await screen.findByRole('switch', { name: 'Mark terms on example.org' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await user.click(toggle);
    expect(await disabledSites.getValue()).toEqual(['example.org']);
  });
});
