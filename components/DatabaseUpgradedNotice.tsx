import { createRoot } from 'react-dom/client';
import { i18n } from '~/lib/i18n';

/** Tells the reader that a newer Credit Lens took over the database while this page was open. */
export function DatabaseUpgradedNotice({ reload }: { reload: () => void }) {
  return (
    <div role="alert" className="database-upgraded">
      <p>{i18n.t('problems.databaseUpgraded')}</p>
      <button type="button" onClick={reload}>
        {i18n.t('problems.reloadPage')}
      </button>
    </div>
  );
}

/**
 * Shows the notice above the page's own UI, which stays as it is, so text being written can still
 * be copied.
 */
export function showDatabaseUpgradedNotice(): void {
  const host = document.createElement('div');
  document.body.prepend(host);
  createRoot(host).render(<DatabaseUpgradedNotice reload={() => location.reload()} />);
}
