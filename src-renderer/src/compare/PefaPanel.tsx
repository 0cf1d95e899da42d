import type { PefaResult } from '../../../src-shared/contract-explore';
import { formatInteger, formatPercent, visibleText } from '../format';
import { CallStatus } from '../shell/CallStatus';
import { useLanguage } from '../shell/language';
import { useCall } from '../shell/use-call';

function Indicators({ result }: { result: PefaResult }) {
  const { t, lang } = useLanguage();
  return (
    <>
      <p className="intro">
        {result.graded
          ? t('pefa.graded', { years: result.fiscalYears.join(', ') })
          : t('pefa.notGraded', { count: formatInteger(result.fiscalYears.length, lang) })}
      </p>
      {result.indicators.map((indicator) => (
        <section key={indicator.id} className="pefa-indicator">
          <h3>
            {indicator.id} — {t(`pefa.${indicator.id}`)}
            {indicator.grade && (
              <span className="grade"> {t('pefa.grade', { grade: indicator.grade })}</span>
            )}
          </h3>
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('pefa.dimension')}</th>
                {result.fiscalYears.map((year) => (
                  <th key={year} scope="col" className="num">
                    {year}
                  </th>
                ))}
                <th scope="col">{t('pefa.dimensionGrade')}</th>
              </tr>
            </thead>
            <tbody>
              {indicator.dimensions.map((dimension) => (
                <tr key={dimension.id}>
                  <th scope="row" title={visibleText(dimension.explanation)}>
                    {dimension.id}
                  </th>
                  {result.fiscalYears.map((year) => (
                    <td key={year} className="num">
                      {formatPercent(
                        dimension.years.find((y) => y.fiscalYear === year)?.valuePercent,
                        lang,
                      )}
                    </td>
                  ))}
                  <td>{dimension.grade ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="where">{visibleText(indicator.explanation)}</p>
        </section>
      ))}
    </>
  );
}

/** PI-1, PI-2 and PI-3 over the entity's years: the ratios always, a grade with three years. */
export function PefaPanel({ entity }: { entity: string }) {
  const { t, lang } = useLanguage();
  const { state, retry } = useCall('pefa.compute', { entity, lang });
  return (
    <section className="pefa" aria-labelledby="pefa-title">
      <h2 id="pefa-title">{t('pefa.title', { entity: visibleText(entity) })}</h2>
      <CallStatus state={state} retry={retry}>
        {(result) => <Indicators result={result} />}
      </CallStatus>
    </section>
  );
}
