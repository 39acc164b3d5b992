// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { DatabaseUpgradedNotice } from './DatabaseUpgradedNotice';

afterEach(cleanup);

it('says Credit Lens was updated and offers to reload the page', async () => {
  const reload = vi.fn();
  render(<DatabaseUpgradedNotice reload={reload} />);
  expect(screen.getByRole('alert').textContent).toMatch(/updated while this page was open/);
  await userEvent.click(screen.getByRole('button', { name: 'Reload page' }));
  expect(reload).toHaveBeenCalledTimes(1);
});
