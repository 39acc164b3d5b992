import { i18n } from '~/lib/i18n';
import type { Category } from './schema';

/**
 * A category's name in the UI's language. (`CATEGORY_LABELS` keeps the English names, which the
 * glossary's checks and the tests use.)
 */
export function categoryLabel(category: Category): string {
  switch (category) {
    case 'china':
      return i18n.t('categories.china');
    case 'western':
      return i18n.t('categories.western');
    case 'shared':
      return i18n.t('categories.shared');
    case 'institutions':
      return i18n.t('categories.institutions');
  }
}
