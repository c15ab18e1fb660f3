/**
 * v1 → v2: from one value per record to one pack per (dataset, month). Records become entries of
 * their month's pack, connectors become numbered paths, and the import log's undo data (v1: the
 * written keys and the replaced records) is converted so Undo keeps working across the upgrade.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { type ConnectorType, type Direction, TLS_BUCKETS, type TlsCounts } from '../../core/model.js';
import { BUCKETS, dayOf, forcedCode, monthOf, type PackEntry } from '../month-packs.js';
import type { ImportLogEntry, MailflowDb, StoredPath, UpgradeTransaction } from '../schema.js';

/** A month pack as v2 stored it: four typed arrays (v3 puts them in one buffer). */
export interface V2MonthPack {
  dataset: string;
  month: string;
  days: Uint8Array;
  paths: Uint32Array;
  forced: Int8Array;
  counts: Uint32Array;
}

/** The v2 pack of these entries (a later entry of the same day and path replaces an earlier one). */
function v2Pack(dataset: string, month: string, entries: readonly PackEntry[]): V2MonthPack {
  const byId = new Map<number, PackEntry>();
  for (const entry of entries) byId.set(entry.path * 32 + entry.day, entry);
  const all = [...byId.values()];
  const pack: V2MonthPack = {
    dataset,
    month,
    days: Uint8Array.from(all, (entry) => entry.day),
    paths: Uint32Array.from(all, (entry) => entry.path),
    forced: Int8Array.from(all, (entry) => entry.forced),
    counts: new Uint32Array(all.length * BUCKETS),
  };
  all.forEach((entry, index) => {
    pack.counts.set(entry.counts, index * BUCKETS);
  });
  return pack;
}

interface V1Record {
  dataset: string;
  date: string;
  direction: Direction;
  connectorKey: string;
  connector: string | null;
  connectorType: ConnectorType | null;
  forcedTls: boolean | null;
  counts: TlsCounts;
}

interface V1Import extends Omit<ImportLogEntry, 'undo'> {
  written: [string, string, Direction, string][];
  previous: V1Record[];
}

export async function migrateRecordsToMonthPacks(
  db: IDBPDatabase<MailflowDb>,
  tx: UpgradeTransaction,
): Promise<void> {
  const untypedDb = db as unknown as IDBPDatabase;
  const untypedTx = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
  untypedDb.createObjectStore('paths', { keyPath: ['dataset', 'id'] });
  untypedDb.createObjectStore('months', { keyPath: ['dataset', 'month'] });
  const records = (await untypedTx.objectStore('records').getAll()) as V1Record[];
  const imports = (await untypedTx.objectStore('imports').getAll()) as V1Import[];

  const pathIds = new Map<string, number>();
  const paths: StoredPath[] = [];
  const pathOf = (
    dataset: string,
    direction: Direction,
    connector: string | null,
    type: ConnectorType | null,
  ) => {
    const key = `${dataset}\u0000${direction}\u0000${connector ?? ''}`;
    let id = pathIds.get(key);
    if (id === undefined) {
      id = paths.filter((path) => path.dataset === dataset).length;
      pathIds.set(key, id);
      paths.push({ dataset, id, direction, connector, connectorType: type });
    } else if (type !== null) {
      const path = paths.find((candidate) => candidate.dataset === dataset && candidate.id === id);
      if (path) path.connectorType = type;
    }
    return id;
  };
  const countsOf = (counts: TlsCounts) => Uint32Array.from(TLS_BUCKETS, (bucket) => counts[bucket]);

  const byMonth = new Map<string, { dataset: string; month: string; entries: PackEntry[] }>();
  for (const record of records) {
    const key = `${record.dataset}\u0000${monthOf(record.date)}`;
    let month = byMonth.get(key);
    if (month === undefined) {
      month = { dataset: record.dataset, month: monthOf(record.date), entries: [] };
      byMonth.set(key, month);
    }
    month.entries.push({
      day: dayOf(record.date),
      path: pathOf(record.dataset, record.direction, record.connector, record.connectorType),
      forced: forcedCode(record.forcedTls),
      counts: countsOf(record.counts),
    });
  }
  const packs = [...byMonth.values()].map(({ dataset, month, entries }) => v2Pack(dataset, month, entries));

  const converted: ImportLogEntry[] = imports.map(({ written, previous, ...entry }) => {
    const before = new Map(
      previous.map((record) => [
        `${record.date}\u0000${record.direction}\u0000${record.connectorKey}`,
        record,
      ]),
    );
    const undo = {
      dates: written.map((key) => key[1]),
      paths: new Uint32Array(written.length),
      existed: new Uint8Array(written.length),
      forced: new Int8Array(written.length),
      counts: new Uint32Array(written.length * BUCKETS),
    };
    written.forEach(([dataset, date, direction, connectorKey], index) => {
      const old = before.get(`${date}\u0000${direction}\u0000${connectorKey}`);
      undo.paths[index] = pathOf(
        dataset,
        direction,
        connectorKey === '' ? null : connectorKey,
        old?.connectorType ?? null,
      );
      if (old !== undefined) {
        undo.existed[index] = 1;
        undo.forced[index] = forcedCode(old.forcedTls);
        undo.counts.set(countsOf(old.counts), index * BUCKETS);
      }
    });
    return { ...entry, undo };
  });

  const pathStore = untypedTx.objectStore('paths');
  const monthStore = untypedTx.objectStore('months');
  const importStore = untypedTx.objectStore('imports');
  await Promise.all([
    ...paths.map((path) => pathStore.put(path)),
    ...packs.map((pack) => monthStore.put(pack)),
    ...converted.map((entry) => importStore.put(entry)),
  ]);
  untypedDb.deleteObjectStore('records');
}
