import { t } from '../../i18n';
import type { InsurerRow, WeekRow } from './figures';
import { formatCount, formatDay, formatPercent } from './format';

function WeekHeader({ row }: { row: WeekRow }) {
  return (
    <th scope="row">
      {formatDay(row.weekStart)}
      {row.when === 'current' ? (
        <span className="data-table__note"> {t('dashboard.thisWeekNote')}</span>
      ) : null}
    </th>
  );
}

const sum = <R,>(rows: readonly R[], pick: (row: R) => number) =>
  rows.reduce((total, row) => total + pick(row), 0);

export function WeeklyTable({ rows, caption }: { rows: readonly WeekRow[]; caption: string }) {
  const columns = ['attended', 'booked', 'cancelled', 'noShows', 'total'] as const;
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.column.week')}</th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column === 'total' ? t('dashboard.column.total') : t(`dashboard.series.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.weekStart}>
            <WeekHeader row={row} />
            {columns.map((column) => (
              <td key={column}>{formatCount(row[column])}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('dashboard.allWeeks')}</th>
          {columns.map((column) => (
            <td key={column}>{formatCount(sum(rows, (row) => row[column]))}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

export function InsurerTable({ rows, caption }: { rows: readonly InsurerRow[]; caption: string }) {
  const columns = ['keptOrBooked', 'cancelled', 'noShows', 'total'] as const;
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.column.insurer')}</th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column === 'total' ? t('dashboard.column.total') : t(`dashboard.series.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.insurerId}>
            <th scope="row">{row.name}</th>
            {columns.map((column) => (
              <td key={column}>{formatCount(row[column])}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('dashboard.allInsurers')}</th>
          {columns.map((column) => (
            <td key={column}>{formatCount(sum(rows, (row) => row[column]))}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

export function UtilisationTable({ rows, caption }: { rows: readonly WeekRow[]; caption: string }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.column.week')}</th>
          <th scope="col">{t('dashboard.column.offered')}</th>
          <th scope="col">{t('dashboard.column.taken')}</th>
          <th scope="col">{t('dashboard.column.utilisation')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.weekStart}>
            <WeekHeader row={row} />
            <td>{formatCount(row.offeredSlots ?? 0)}</td>
            <td>{formatCount(row.takenSlots ?? 0)}</td>
            <td>
              {row.utilisation === undefined
                ? t('dashboard.utilisation.noSlots')
                : formatPercent(row.utilisation)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
