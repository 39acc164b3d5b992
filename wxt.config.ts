import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  // `@wxt-dev/i18n`: `locales/<lang>.yml` become `_locales/<lang>/messages.json`; the browser
  // picks the reader's language (English and Simplified Chinese; English otherwise).
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // Every dependency is an explicit import: nothing is auto-imported.
  imports: false,
  manifest: ({ browser }) => ({
    default_locale: 'en',
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    // `storage`: the per-site on/off switch, read by the content script.
    // `unlimitedStorage`: notes live in IndexedDB and must not be evicted or capped by quota.
    // `contextMenus`: "Add to Credit Lens glossary" on selected text, which opens the options page
    // with the add form filled in.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
    // Highlights cannot take keyboard focus; these step through the page's terms instead.
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commands_nextTerm__',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commands_previousTerm__',
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
