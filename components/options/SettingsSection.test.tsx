// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, paused } from '~/lib/settings';
import { SettingsSection } from './SettingsSection';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

async function renderSection() {
  render(<SettingsSection />);
  const user = userEvent.setup();
  // Controls are disabled until the stored values have been read.
  await waitFor(() =>
    expect(
      (screen.getByRole('checkbox', { name: 'Mark terms on every site' }) as HTMLInputElement)
        .disabled,
    ).toBe(false),
  );
  return user;
}

const status = () => screen.getByRole('status').textContent;

describe('SettingsSection', () => {
  it('shows the defaults, every control labelled and explained', async () => {
    await renderSection();
    const checked = (role: string, name: string | RegExp) =>
      (screen.getByRole(role, { name }) as HTMLInputElement).checked;
    expect(checked('checkbox', 'Mark terms on every site')).toBe(true);
    expect(checked('radio', 'Shaded, with a dotted underline')).toBe(true);
    expect(checked('radio', 'Pointing at a term')).toBe(true);
    expect(checked('checkbox', 'Mark only the first occurrence of each term')).toBe(false);
    expect(checked('checkbox', 'Limit the number of marks per page')).toBe(false);
    const delay = screen.getByRole('spinbutton', { name: 'Hover delay, in milliseconds' });
    expect((delay as HTMLInputElement).value).toBe('300');
    expect(screen.getByRole('spinbutton', { name: 'Most marks per page' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.getByRole('group', { name: 'How marked terms look' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'What opens a term’s explanation' })).toBeTruthy();
    // The modifier is named where the reader chooses it.
    expect(
      screen.getByRole('radio', { name: 'Holding Shift while pointing at a term' }),
    ).toBeTruthy();
    for (const control of [...screen.getAllByRole('radio'), ...screen.getAllByRole('checkbox')]) {
      expect(control.getAttribute('aria-describedby'), control.id).toBeTruthy();
    }
  });

  it('saves each choice at once, and says so', async () => {
    const user = await renderSection();
    await user.click(screen.getByRole('radio', { name: 'Dotted underline only' }));
    await user.click(screen.getByRole('radio', { name: 'Clicking a term' }));
    await user.click(
      screen.getByRole('checkbox', { name: 'Mark only the first occurrence of each term' }),
    );
    await user.click(screen.getByRole('checkbox', { name: 'Mark terms on every site' }));
    await waitFor(async () =>
      expect(await readSettings()).toMatchObject({
        highlightStyle: 'underline',
        trigger: 'click',
        firstOccurrenceOnly: true,
        paused: true,
      }),
    );
    expect(status()).toBe('Saved. Marking is paused on every site.');
  });

  it('saves a hover delay in bounds when Enter is pressed (or the box is left)', async () => {
    const user = await renderSection();
    const delay = screen.getByRole('spinbutton', { name: 'Hover delay, in milliseconds' });
    await user.clear(delay);
    await user.type(delay, '750');
    // Not at every keystroke: 7 and 75 are out of bounds on the way to 750.
    expect((await readSettings()).hoverDelayMs).toBe(300);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await readSettings()).hoverDelayMs).toBe(750));
    expect(status()).toBe('Saved. Terms open after the pointer rests on them for 750 ms.');
  });

  it('refuses a hover delay out of bounds with a clear error, keeping what was typed', async () => {
    const user = await renderSection();
    const delay = screen.getByRole('spinbutton', { name: 'Hover delay, in milliseconds' });
    await user.clear(delay);
    await user.type(delay, '5000');
    await user.tab();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/from 100 to 2,000\. It was not saved\./);
    expect(delay.getAttribute('aria-invalid')).toBe('true');
    expect(delay.getAttribute('aria-describedby')).toContain(alert.id);
    expect((delay as HTMLInputElement).value).toBe('5000');
    expect((await readSettings()).hoverDelayMs).toBe(300);
  });

  it('turns the cap on with a suggested number, changes it, and turns it off', async () => {
    const user = await renderSection();
    await user.click(screen.getByRole('checkbox', { name: 'Limit the number of marks per page' }));
    await waitFor(async () => expect((await readSettings()).markCap).toBe(50));
    const cap = screen.getByRole('spinbutton', { name: 'Most marks per page' });
    expect((cap as HTMLInputElement).disabled).toBe(false);
    await user.clear(cap);
    await user.type(cap, '12');
    await user.tab();
    await waitFor(async () => expect((await readSettings()).markCap).toBe(12));
    await user.click(screen.getByRole('checkbox', { name: 'Limit the number of marks per page' }));
    await waitFor(async () => expect((await readSettings()).markCap).toBeNull());
    expect(status()).toBe('Saved. There is no limit on marks per page.');
  });

  it('follows a change made elsewhere (the popup’s pause)', async () => {
    await renderSection();
    await paused.setValue(true);
    await waitFor(() =>
      expect(
        (screen.getByRole('checkbox', { name: 'Mark terms on every site' }) as HTMLInputElement)
          .checked,
      ).toBe(false),
    );
  });
});
