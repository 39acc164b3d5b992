// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundledGlossary } from '~/lib/glossary';
import { installHighlightPolyfills } from '~/test/dom-polyfills';
import { PopoverApp } from './PopoverApp';
import { PopoverStore } from './popover-store';

beforeAll(installHighlightPolyfills);
afterEach(cleanup);

function setup(openedBy: 'hover' | 'click' = 'click') {
  const p = document.createElement('p');
  p.textContent = 'the social credit system';
  document.body.append(p);
  const store = new PopoverStore();
  const onClose = vi.fn(() => store.set(null));
  render(<PopoverApp store={store} glossary={bundledGlossary()} onClose={onClose} />);
  const anchor = new StaticRange({
    startContainer: p.firstChild!,
    startOffset: 4,
    endContainer: p.firstChild!,
    endOffset: 24,
  });
  act(() => store.set({ entryId: 'social-credit-system', trail: [], anchor, openedBy }));
  return { store, onClose };
}

describe('PopoverApp', () => {
  it('renders nothing while closed', () => {
    const store = new PopoverStore();
    const { container } = render(
      <PopoverApp store={store} glossary={bundledGlossary()} onClose={() => {}} />,
    );
    expect(container.childElementCount).toBe(0);
  });

  it('shows the entry in a dialog named by its term', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: 'Social credit system' });
    const entry = bundledGlossary().get('social-credit-system')!;
    expect(within(dialog).getByText(entry.definition)).toBeTruthy();
    expect(within(dialog).getByText(entry.explanation)).toBeTruthy();
    expect(within(dialog).getByText(entry.seminar.said)).toBeTruthy();
    expect(within(dialog).getByText('社会信用体系')).toBeTruthy();
    expect(within(dialog).getByText('社會信用體系')).toBeTruthy();
    expect(within(dialog).getByText(entry.pinyin!)).toBeTruthy();
  });

  it('takes focus when opened by a click, not when opened by hover', () => {
    setup('click');
    expect(document.activeElement).toBe(screen.getByRole('dialog'));
    cleanup();
    (document.activeElement as HTMLElement | null)?.blur();
    setup('hover');
    expect(document.activeElement).not.toBe(screen.getByRole('dialog'));
  });

  it('shows a related entry in the same dialog, and goes back', async () => {
    const user = userEvent.setup();
    setup();
    const related = screen.getByRole('navigation', { name: 'Related terms' });
    await user.click(within(related).getByRole('button', { name: 'Chengxin (integrity)' }));
    expect(screen.getByRole('dialog', { name: 'Chengxin (integrity)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Back to Social credit system/ }));
    expect(screen.getByRole('dialog', { name: 'Social credit system' })).toBeTruthy();
  });

  it('closes on Escape and with the close button', async () => {
    const user = userEvent.setup();
    const { onClose } = setup();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    const again = setup();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(again.onClose).toHaveBeenCalledTimes(1);
  });

  it('renders entry text as text, never as markup', () => {
    const glossary = bundledGlossary();
    const entry = glossary.get('grc')!;
    const hostile = { ...entry, definition: '<img src=x onerror=alert(1)>' };
    const store = new PopoverStore();
    render(
      <PopoverApp
        store={store}
        glossary={{ entries: [hostile], get: (id) => (id === 'grc' ? hostile : glossary.get(id)) }}
        onClose={() => {}}
      />,
    );
    const p = document.createElement('p');
    p.textContent = 'GRC';
    document.body.append(p);
    const anchor = new StaticRange({ startContainer: p.firstChild!, startOffset: 0, endContainer: p.firstChild!, endOffset: 3 });
    act(() => store.set({ entryId: 'grc', trail: [], anchor, openedBy: 'click' }));
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});
