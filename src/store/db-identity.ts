/**
 * The database's name and schema version and nothing else, so the popup's read of the snapshots
 * (src/store/early-snapshots.ts) can open it without loading the schema code and its migrations.
 */
export const DB_NAME = 'mailflow-lens';

/** How many steps schema.ts's MIGRATIONS has: a test keeps the two equal. */
export const DB_VERSION = 3;
