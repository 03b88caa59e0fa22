import type { ReactNode } from 'react';
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

interface Column<R> {
  label: string;
  cell: (row: R) => ReactNode;
  /** The column's cell in the footer row; needed when the table has one. */
  total?: (rows: readonly R[]) => ReactNode;
}

interface DataTableProps<R> {
  caption: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The first column: its heading, and each row's header cell. */
  headerLabel: string;
  rowHeader: (row: R) => ReactNode;
  columns: readonly Column<R>[];
  /** When given, a footer row with this header and each column's total. */
  totalLabel?: string;
}

/** A data table: one header cell per row, then the columns' cells, and optionally the totals. */
function DataTable<R>({
  caption,
  rows,
  rowKey,
  headerLabel,
  rowHeader,
  columns,
  totalLabel,
}: DataTableProps<R>) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headerLabel}</th>
          {columns.map((column) => (
            <th key={column.label} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {rowHeader(row)}
            {columns.map((column) => (
              <td key={column.label}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
      {totalLabel === undefined ? null : (
        <tfoot>
          <tr>
            <th scope="row">{totalLabel}</th>
            {columns.map((column) => (
              <td key={column.label}>{column.total?.(rows)}</td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}

type Series = 'attended' | 'booked' | 'cancelled' | 'noShows' | 'keptOrBooked';

/** Columns of counts, each with its total over the rows. */
function countColumns<K extends Series | 'total'>(keys: readonly K[]): Column<Record<K, number>>[] {
  return keys.map((key) => ({
    label: key === 'total' ? t('dashboard.column.total') : t(`dashboard.series.${key as Series}`),
    cell: (row) => formatCount(row[key]),
    total: (rows) => formatCount(sum(rows, (row) => row[key])),
  }));
}

/** The rows and first column of a table with a row per week. */
function byWeek(rows: readonly WeekRow[], caption: string) {
  return {
    caption,
    rows,
    rowKey: (row: WeekRow) => row.weekStart,
    headerLabel: t('dashboard.column.week'),
    rowHeader: (row: WeekRow) => <WeekHeader row={row} />,
  };
}

export function WeeklyTable({ rows, caption }: { rows: readonly WeekRow[]; caption: string }) {
  return (
    <DataTable
      {...byWeek(rows, caption)}
      columns={countColumns(['attended', 'booked', 'cancelled', 'noShows', 'total'])}
      totalLabel={t('dashboard.allWeeks')}
    />
  );
}

export function InsurerTable({ rows, caption }: { rows: readonly InsurerRow[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(row) => row.insurerId}
      headerLabel={t('dashboard.column.insurer')}
      rowHeader={(row) => <th scope="row">{row.name}</th>}
      columns={countColumns(['keptOrBooked', 'cancelled', 'noShows', 'total'])}
      totalLabel={t('dashboard.allInsurers')}
    />
  );
}

export function UtilisationTable({ rows, caption }: { rows: readonly WeekRow[]; caption: string }) {
  return (
    <DataTable
      {...byWeek(rows, caption)}
      columns={[
        {
          label: t('dashboard.column.offered'),
          cell: (row) => formatCount(row.offeredSlots ?? 0),
        },
        {
          label: t('dashboard.column.taken'),
          cell: (row) => formatCount(row.takenSlots ?? 0),
        },
        {
          label: t('dashboard.column.utilisation'),
          cell: (row) =>
            row.utilisation === undefined
              ? t('dashboard.utilisation.noSlots')
              : formatPercent(row.utilisation),
        },
      ]}
    />
  );
}
