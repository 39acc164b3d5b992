import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ADD_TERM_MENU_ID, registerAddTermMenu } from './context-menu';

/*
 * The context menu item, with the browser's menu API stood in for (fake-browser has none): it is
 * made for selected text, and a click opens the options page beside the reader's tab with the
 * selection in the address. Clicking a real browser menu is out of reach of automation; the
 * end-to-end test opens the same address.
 */

type ClickListener = (
  info: { menuItemId: string | number; selectionText?: string },
  tab?: object,
) => void;

let listeners: ClickListener[];
let created: unknown[];

beforeEach(() => {
  fakeBrowser.reset();
  listeners = [];
  created = [];
  const menus = fakeBrowser.contextMenus as unknown as Record<string, unknown>;
  menus.removeAll = vi.fn(async () => {});
  menus.create = vi.fn((properties: unknown) => {
    created.push(properties);
    return ADD_TERM_MENU_ID;
  });
  menus.onClicked = { addListener: (listener: ClickListener) => listeners.push(listener) };
});

describe('"Add to Credit Lens glossary"', () => {
  it('is offered on selected text', async () => {
    registerAddTermMenu();
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({
      id: ADD_TERM_MENU_ID,
      title: 'Add to Credit Lens glossary',
      contexts: ['selection'],
    });
    expect(fakeBrowser.contextMenus.removeAll).toHaveBeenCalledBefore(
      fakeBrowser.contextMenus.create as unknown as ReturnType<typeof vi.fn>,
    );
  });

  it('opens the options page beside the tab, at "Your terms", with the selection', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    registerAddTermMenu();
    listeners[0]!({ menuItemId: 'something-else', selectionText: 'x' });
    expect(create).not.toHaveBeenCalled();
    listeners[0]!(
      { menuItemId: ADD_TERM_MENU_ID, selectionText: ' hù kǒu\n户口 ' },
      { id: 7, index: 2, windowId: 1 },
    );
    expect(create).toHaveBeenCalledWith({
      url: `${fakeBrowser.runtime.getURL('/options.html')}?add=h%C3%B9+k%C7%92u+%E6%88%B7%E5%8F%A3#your-terms`,
      index: 3,
      windowId: 1,
      openerTabId: 7,
    });
  });
});
