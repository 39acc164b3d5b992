// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Announcements, LiveAnnouncer } from './announcer';

afterEach(cleanup);

describe('LiveAnnouncer', () => {
  it('is an empty polite live region until something is said', () => {
    const announcements = new Announcements();
    render(<LiveAnnouncer announcements={announcements} />);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    act(() => announcements.say('GRC: term 2 of 30 on this page.'));
    expect(region.textContent).toBe('GRC: term 2 of 30 on this page.');
  });

  it('changes its text when the same words are said twice, so they are heard twice', () => {
    const announcements = new Announcements();
    render(<LiveAnnouncer announcements={announcements} />);
    const region = screen.getByRole('status');
    act(() => announcements.say('GRC'));
    const first = region.textContent;
    act(() => announcements.say('GRC'));
    expect(region.textContent).not.toBe(first);
    expect(region.textContent?.trim()).toBe('GRC');
    act(() => announcements.say('NDRC'));
    expect(region.textContent).toBe('NDRC');
  });
});
