/** The portal's "Connector report details": one row per date × connector, sortable by any column. */
import {
  DETAILS_COLUMN_LABELS,
  type DetailsColumn,
  type DetailsRow,
  type DetailsSort,
  detailsCellValue,
} from '../core/details.js';
import { formatShare } from '../core/shares.js';
import { formatCount } from './format.js';
import { DETAILS_PAGE } from './stores/report-store.js';

const NUMBER_COLUMNS = new Set<DetailsColumn>(['none', 'tls1.0', 'tls1.1', 'tls1.2', 'tls1.3', 'volume']);

function cellOf(row: DetailsRow, column: DetailsColumn): { text: string; value: string | number } {
  const value = detailsCellValue(row, column);
  if (column === 'volume') return { text: formatCount(row.messages), value: row.messages };
  if (NUMBER_COLUMNS.has(column)) {
    const share = value as number | null;
    return { text: formatShare(share), value: share === null ? '' : share.toFixed(1) };
  }
  // The connector cell reads "Inbound - name"; its data-value is the bare name ('' for none).
  if (column === 'connector') return { text: String(value), value: row.connector ?? '' };
  return { text: String(value), value: value ?? '' };
}

export function DetailsTable({
  rows,
  total,
  columns,
  sort,
  onSort,
  onShowMore,
}: {
  /** The rows shown (a page of the sorted rows). */
  rows: readonly DetailsRow[];
  /** How many rows there are in all. */
  total: number;
  columns: readonly DetailsColumn[];
  sort: DetailsSort;
  onSort: (column: DetailsColumn) => void;
  onShowMore: () => void;
}) {
  if (rows.length === 0)
    return (
      <p class="muted" data-testid="details-empty">
        No records for this selection and range. Choose a longer range, or import the exports that cover it.
      </p>
    );
  return (
    <div class="table-scroll">
      <table
        class="data details-table"
        data-testid="details-table"
        data-rows={total}
        data-shown={rows.length}
      >
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort.column === column;
              return (
                <th
                  key={column}
                  scope="col"
                  class={NUMBER_COLUMNS.has(column) ? 'number' : undefined}
                  aria-sort={sorted ? sort.direction : 'none'}
                  data-column={column}
                >
                  <button type="button" class="sort-button" onClick={() => onSort(column)}>
                    {DETAILS_COLUMN_LABELS[column]}
                    <span class="sort-mark" aria-hidden="true">
                      {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.date}-${row.direction}-${row.connector ?? ''}`}
              data-testid="details-row"
              data-date={row.date}
              data-direction={row.direction}
              data-connector={row.connector ?? ''}
            >
              {columns.map((column) => {
                const cell = cellOf(row, column);
                return (
                  <td
                    key={column}
                    class={NUMBER_COLUMNS.has(column) ? 'number' : undefined}
                    data-column={column}
                    data-value={cell.value}
                    title={
                      NUMBER_COLUMNS.has(column) && column !== 'volume'
                        ? `${formatCount(row.tls[column as 'none'])} messages`
                        : undefined
                    }
                  >
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length < total && (
        <div class="details-more">
          <span class="muted" data-testid="details-shown">
            Showing {formatCount(rows.length)} of {formatCount(total)} rows, sorted as above. Export CSV has
            them all.
          </span>
          <button type="button" class="button" data-testid="details-more" onClick={onShowMore}>
            Show {formatCount(Math.min(total - rows.length, DETAILS_PAGE))} more
          </button>
        </div>
      )}
    </div>
  );
}
