import { useId } from 'react';
import { CATEGORY_LABELS, type Category } from '~/lib/glossary';
import { categoryLabel } from '~/lib/glossary/category-label';
import { i18n } from '~/lib/i18n';
import type { CategoryChoice } from './view-state';

interface CategoryFilterProps {
  value: CategoryChoice;
  /** How many entries each choice would list with the current search. */
  counts: Record<CategoryChoice, number>;
  onChange: (category: CategoryChoice) => void;
}

const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];

/**
 * One choice among All and the four categories: a native radio group, so arrow keys move between
 * the choices and Tab enters and leaves the group in one step.
 */
export function CategoryFilter({ value, counts, onChange }: CategoryFilterProps) {
  const name = useId();
  const choices: { value: CategoryChoice; label: string }[] = [
    { value: 'all', label: i18n.t('glossaryPage.all') },
    ...CATEGORIES.map((category) => ({ value: category, label: categoryLabel(category) })),
  ];
  return (
    <fieldset className="category-filter">
      <legend className="visually-hidden">{i18n.t('glossaryPage.category')}</legend>
      <div className="category-options">
        {choices.map((choice) => (
          <label key={choice.value} className="category-option">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span className="category-chip">
              {choice.label} <span className="category-count">{counts[choice.value]}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
