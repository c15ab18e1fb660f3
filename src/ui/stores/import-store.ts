/**
 * The import page's state: one entry per file, read in the worker, then stored by the service
 * worker in one transaction. A file with rejected lines waits for the person's decision.
 */
import { signal } from '@preact/signals';
import type { FileReadResult } from '../../core/formats/types.js';
import { sendMessage } from '../../messaging.js';
import type { ImportOutcome } from '../../store/imports.js';
import type { AggregateClient } from '../../worker/client.js';

export type FilePhase = 'reading' | 'review' | 'importing' | 'imported' | 'discarded' | 'error';

export interface FileImport {
  id: number;
  fileName: string;
  phase: FilePhase;
  result: FileReadResult | null;
  outcome: ImportOutcome | null;
  error: string | null;
}

/** ok: everything read and stored; partial: some lines rejected; error: nothing usable. */
export function importStatus(entry: FileImport): 'ok' | 'partial' | 'error' | 'pending' {
  if (entry.phase === 'error' || (entry.result !== null && entry.result.error !== null)) return 'error';
  if (entry.result === null) return 'pending';
  if (entry.result.records.length === 0) return 'error';
  return entry.result.rejected.length > 0 ? 'partial' : 'ok';
}

export function createImportStore(client: AggregateClient, dataset: string) {
  const files = signal<FileImport[]>([]);
  const progress = signal<{ done: number; total: number } | null>(null);
  let nextId = 1;

  function update(id: number, patch: Partial<FileImport>): void {
    files.value = files.value.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry));
  }

  async function store(id: number): Promise<void> {
    const entry = files.value.find((candidate) => candidate.id === id);
    if (entry?.result == null) return;
    update(id, { phase: 'importing' });
    try {
      const outcome = await sendMessage('import-records', {
        dataset,
        fileName: entry.fileName,
        format: entry.result.format,
        rows: entry.result.rows,
        records: entry.result.records,
      });
      update(id, { phase: 'imported', outcome });
    } catch (error) {
      update(id, {
        phase: 'error',
        error: `Nothing was stored: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  async function readOne(id: number, file: File): Promise<void> {
    try {
      const bytes = await file.arrayBuffer();
      const result = await client.call('read-file', { fileName: file.name, bytes, options: {} }, [bytes]);
      update(id, { result });
      if (result.error !== null || result.records.length === 0) {
        update(id, { phase: 'error', error: result.error ?? 'No usable rows: every line was rejected.' });
      } else if (result.rejected.length > 0) {
        update(id, { phase: 'review' });
      } else {
        await store(id);
      }
    } catch (error) {
      update(id, { phase: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Files are read one after another so progress is meaningful and memory stays bounded. */
  async function addFiles(list: Iterable<File>): Promise<void> {
    const queued = [...list].map((file) => ({ file, id: nextId++ }));
    if (queued.length === 0) return;
    files.value = [
      ...queued.map(({ file, id }) => ({
        id,
        fileName: file.name,
        phase: 'reading' as const,
        result: null,
        outcome: null,
        error: null,
      })),
      ...files.value,
    ];
    progress.value = { done: 0, total: queued.length };
    for (const [index, { file, id }] of queued.entries()) {
      await readOne(id, file);
      progress.value = { done: index + 1, total: queued.length };
    }
    progress.value = null;
  }

  return {
    files,
    progress,
    addFiles,
    /** The person accepted importing the good rows of a file with rejected lines. */
    importRest: (id: number) => store(id),
    discard: (id: number) => update(id, { phase: 'discarded' }),
  };
}

export type ImportStore = ReturnType<typeof createImportStore>;
