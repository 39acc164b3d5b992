import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Every dependency is an explicit import: nothing is auto-imported.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Credit Lens',
    description:
      'Explains governance and credit-system terms where you read them, and keeps your notes on them.',
    // `storage`: the per-site on/off switch, read by the content script.
    // `unlimitedStorage`: notes live in IndexedDB and must not be evicted or capped by quota.
    permissions: ['storage', 'unlimitedStorage'],
    // Highlights cannot take keyboard focus; these step through the page's terms instead.
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the next marked term on the page',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open the previous marked term on the page',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'credit-lens@example.org',
          // The CSS Custom Highlight API arrived in Firefox 140.
          strict_min_version: '140.0',
          // Credit Lens collects and transmits nothing.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
