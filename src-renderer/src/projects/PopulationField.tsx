import { useState } from 'react';
import { call } from '../api';
import { formatInteger } from '../format';
import { useLanguage } from '../shell/language';

interface Props {
  /** Any budget of the entity and year: the population belongs to both, not to the budget. */
  budgetId: number;
  year: number;
  population: number | null;
  onSaved(): void;
}

/** The number of residents of an entity for a year, from which per-resident figures follow. */
export function PopulationField({ budgetId, year, population, onSaved }: Props) {
  const { t, lang } = useLanguage();
  const [value, setValue] = useState(population === null ? '' : String(population));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const id = `population-${budgetId}`;

  const save = async () => {
    const count = Number(value);
    if (!Number.isInteger(count) || count < 1) return;
    try {
      const saved = await call('population.set', { budgetId, count });
      setMessage({
        error: false,
        text: t('projects.populationSaved', { count: formatInteger(saved.count, lang) }),
      });
      onSaved();
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <form
      className="population-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id}>{t('projects.population', { year })}</label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit">{t('projects.savePopulation')}</button>
      {message && (
        <span
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'status-error' : ''}
        >
          {message.text}
        </span>
      )}
    </form>
  );
}
