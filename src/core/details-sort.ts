/**
 * How the details table is sorted, and its default (the portal's: by date, oldest first). Apart
 * from details.ts so that a page holding a sort (the report store, in the popup's first chunk)
 * does not bring the details code and the day index with it.
 */
import type { DetailsColumn } from './details.js';

export type SortDirection = 'ascending' | 'descending';

export interface DetailsSort {
  column: DetailsColumn;
  direction: SortDirection;
}

export const DEFAULT_DETAILS_SORT: DetailsSort = { column: 'date', direction: 'ascending' };
