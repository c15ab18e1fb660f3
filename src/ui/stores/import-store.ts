/**
 * The import page's state: one entry per file (picked, dropped or pasted), read in the worker from
 * the file's stream, then stored by the service worker in one transaction. A file with rejected
 * lines waits for the person's decision; a file the reader has a question about (which column is
 * which, the date order, share or count) waits for the answer and is read again with it.
 */
import { computed, signal } from '@preact/signals';
import type { ColumnMap, ReadNeeds, ReadOptions } from '../../core/formats/index.js';
import { sendMessage } from '../../messaging.js';
import type { ImportOutcome, UndoOutcome } from '../../store/imports.js';
import type { Dataset } from '../../store/schema.js';
import type { AggregateClient } from '../../worker/client.js';
import type { FileRead } from '../../worker/protocol.js';

export type FilePhase =
  | 'queued'
  | 'reading'
  | 'question'
  | 'review'
  | 'importing'
  | 'imported'
  | 'discarded'
  | 'undone'
  | 'error';

export interface FileImport {
  id: number;
  fileName: string;
  /** The dataset chosen when the file was added: a later switch does not redirect it. */
  dataset: string;
  phase: FilePhase;
  /** What the file was last read with (the answers given so far). */
  options: ReadOptions;
  /** The last read (its records stay in the worker until stored). */
  result: FileRead | null;
  outcome: ImportOutcome | null;
  undo: UndoOutcome | null;
  /** The file was read with a mapping remembered for its header. */
  mappingRemembered: boolean;
  error: string | null;
}

/** ok: everything read and stored; partial: some lines rejected; error: nothing usable. */
export function importStatus(entry: FileImport): 'ok' | 'partial' | 'error' | 'pending' {
  if (entry.phase === 'error' || (entry.result !== null && entry.result.error !== null)) return 'error';
  if (entry.result === null) return 'pending';
  if (entry.result.recordCount === 0) return 'error';
  return entry.result.rejected.length > 0 ? 'partial' : 'ok';
}

/** What the reader asks about this file, while it waits for an answer. */
export function questionOf(entry: FileImport): ReadNeeds | null {
  return entry.phase === 'question' ? (entry.result?.needs ?? null) : null;
}

export interface ImportProgress {
  /** Files of the current batch finished, and in it. */
  filesDone: number;
  fileCount: number;
  /** Bytes of the current batch read, and in it. */
  bytesDone: number;
  totalBytes: number;
  /** The file being read, if one is. */
  current: { fileName: string; bytesRead: number; totalBytes: number } | null;
}

/** Overall percent of a batch, one decimal; an empty file counts as done at once. */
export function progressPercent(progress: ImportProgress): number {
  if (progress.totalBytes === 0) return progress.filesDone === progress.fileCount ? 100 : 0;
  return Math.floor((progress.bytesDone / progress.totalBytes) * 1000) / 10;
}

/** `pasted-2025-03-07T10-00.csv`, in local time: what a person would call "what I pasted at ten". */
export function pastedFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `pasted-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}-${pad(now.getMinutes())}.csv`;
}

export interface ImportDoors {
  client: AggregateClient;
  /** Remembered column mappings by header signature (src/column-mappings.ts). */
  loadColumnMapping(signature: string): Promise<ColumnMap | null>;
  saveColumnMapping(signature: string, columnMap: ColumnMap): Promise<void>;
  /** Makes a dataset the current one (settings.currentDataset). */
  saveCurrentDataset(id: string): Promise<void>;
  /** After an import has landed: refreshes the popup's copy of the widget snapshot (src/widget-mirror.ts). */
  afterImport?(): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createImportStore(doors: ImportDoors, initialDataset: string) {
  const files = signal<FileImport[]>([]);
  const progress = signal<ImportProgress | null>(null);
  const datasets = signal<Dataset[]>([]);
  const dataset = signal(initialDataset);
  const datasetError = signal<string | null>(null);
  const datasetName = computed(
    () => datasets.value.find((candidate) => candidate.id === dataset.value)?.name ?? dataset.value,
  );
  /** The File behind each entry, kept out of the signal: it is re-read when a question is answered. */
  const sources = new Map<number, File>();
  let nextId = 1;
  /** Reads run one after another, so progress is meaningful and memory stays bounded. */
  let queue: Promise<void> = Promise.resolve();

  function entryOf(id: number): FileImport | undefined {
    return files.value.find((candidate) => candidate.id === id);
  }

  function update(id: number, patch: Partial<FileImport>): void {
    files.value = files.value.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry));
  }

  /** Lets the worker drop the records of an entry's last read. */
  function forget(id: number): void {
    const readId = entryOf(id)?.result?.readId;
    if (readId !== undefined) void doors.client.call('forget-read', { readId }).catch(() => {});
  }

  async function store(id: number): Promise<void> {
    const entry = entryOf(id);
    if (entry?.result == null) return;
    update(id, { phase: 'importing' });
    try {
      const outcome = await doors.client.call('import-records', {
        readId: entry.result.readId,
        dataset: entry.dataset,
        fileName: entry.fileName,
      });
      await doors.afterImport?.();
      update(id, { phase: 'imported', outcome });
    } catch (error) {
      update(id, { phase: 'error', error: `Nothing was stored: ${messageOf(error)}` });
    }
  }

  function onProgress(bytesBefore: number, fileName: string) {
    return ({ bytesRead, totalBytes }: { bytesRead: number; totalBytes: number }) => {
      const batch = progress.value;
      if (batch === null) return;
      progress.value = {
        ...batch,
        bytesDone: bytesBefore + bytesRead,
        current: { fileName, bytesRead, totalBytes },
      };
    };
  }

  /** One read of the file with the options so far; then store it, or wait for the person. */
  async function read(
    id: number,
    options: ReadOptions,
    bytesBefore = progress.value?.bytesDone ?? 0,
  ): Promise<void> {
    const file = sources.get(id);
    if (file === undefined) return;
    update(id, { phase: 'reading', options, error: null });
    // A new read replaces the last one: its records need not stay in the worker.
    forget(id);
    let result: FileRead;
    try {
      result = await doors.client.call(
        'read-file',
        { file, options },
        { onProgress: onProgress(bytesBefore, file.name) },
      );
    } catch (error) {
      update(id, { phase: 'error', error: messageOf(error) });
      return;
    }
    const needs = result.needs;
    if (needs?.kind === 'mapping' && options.columnMap === undefined) {
      const remembered = await doors.loadColumnMapping(needs.signature).catch(() => null);
      if (remembered !== null) {
        update(id, { mappingRemembered: true });
        return read(id, { ...options, columnMap: remembered }, bytesBefore);
      }
    }
    if (needs?.kind !== 'mapping' && options.columnMap !== undefined && result.format !== null) {
      // The mapping worked: remember it for this header (the signature of the header it was made for).
      const signature = entryOf(id)?.result?.needs;
      if (signature?.kind === 'mapping') {
        await doors.saveColumnMapping(signature.signature, options.columnMap).catch(() => {});
      }
    }
    update(id, { result });
    if (needs !== undefined) update(id, { phase: 'question' });
    else if (result.error !== null || result.recordCount === 0) {
      update(id, { phase: 'error', error: result.error ?? 'No usable rows: every line was rejected.' });
    } else if (result.rejected.length > 0) update(id, { phase: 'review' });
    else await store(id);
  }

  /** Queues files for reading; the progress bar covers everything queued until the queue empties. */
  function enqueue(list: readonly File[], work: (id: number) => Promise<void>, ids: number[]): Promise<void> {
    const bytes = list.reduce((total, file) => total + file.size, 0);
    const batch = progress.value;
    progress.value =
      batch === null || batch.filesDone === batch.fileCount
        ? { filesDone: 0, fileCount: list.length, bytesDone: 0, totalBytes: bytes, current: null }
        : { ...batch, fileCount: batch.fileCount + list.length, totalBytes: batch.totalBytes + bytes };
    const done = ids.map((id, index) => {
      const size = list[index]?.size ?? 0;
      queue = queue.then(async () => {
        const before = progress.value?.bytesDone ?? 0;
        await work(id);
        const now = progress.value;
        if (now !== null) {
          progress.value = { ...now, filesDone: now.filesDone + 1, bytesDone: before + size, current: null };
        }
      });
      return queue;
    });
    return Promise.all(done).then(() => undefined);
  }

  function addFiles(list: Iterable<File>): Promise<void> {
    const added = [...list];
    if (added.length === 0) return Promise.resolve();
    const entries = added.map((file): FileImport => {
      const id = nextId++;
      sources.set(id, file);
      return {
        id,
        fileName: file.name,
        dataset: dataset.value,
        phase: 'queued',
        options: {},
        result: null,
        outcome: null,
        undo: null,
        mappingRemembered: false,
        error: null,
      };
    });
    files.value = [...entries, ...files.value];
    return enqueue(
      added,
      (id) => read(id, {}),
      entries.map(({ id }) => id),
    );
  }

  /** Pasted CSV text is a file like any other, named after when it was pasted. */
  function addText(text: string, now = new Date()): Promise<void> {
    if (text.trim() === '') return Promise.resolve();
    return addFiles([new File([text], pastedFileName(now), { type: 'text/csv' })]);
  }

  /** The person answered the reader's question: read the file again with the answer added. */
  function answer(id: number, patch: ReadOptions): Promise<void> {
    const entry = entryOf(id);
    const file = sources.get(id);
    if (entry === undefined || file === undefined) return Promise.resolve();
    const options = { ...entry.options, ...patch };
    return enqueue([file], () => read(id, options), [id]);
  }

  async function undo(id: number): Promise<void> {
    const entry = entryOf(id);
    if (entry?.outcome == null) return;
    try {
      const undone = await sendMessage('undo-import', { importId: entry.outcome.importId });
      update(id, { phase: 'undone', undo: undone, error: null });
    } catch (error) {
      update(id, { error: `Not undone: ${messageOf(error)}` });
    }
  }

  /** An import undone elsewhere on the page (the import log): its result here says so too. */
  function markUndone(importId: number, outcome: UndoOutcome): void {
    for (const entry of files.value) {
      if (entry.phase === 'imported' && entry.outcome?.importId === importId)
        update(entry.id, { phase: 'undone', undo: outcome, error: null });
    }
  }

  /** Imports landed or undone from this page so far: the import log reloads when it changes. */
  const storedChanges = computed(
    () => files.value.filter((entry) => entry.phase === 'imported' || entry.phase === 'undone').length,
  );

  async function loadDatasets(): Promise<void> {
    try {
      datasets.value = await sendMessage('list-datasets', {});
      datasetError.value = null;
    } catch (error) {
      datasetError.value = `Could not list the datasets: ${messageOf(error)}`;
    }
  }

  async function chooseDataset(id: string): Promise<void> {
    dataset.value = id;
    try {
      await doors.saveCurrentDataset(id);
      datasetError.value = null;
    } catch (error) {
      datasetError.value = `Could not save the dataset choice: ${messageOf(error)}`;
    }
  }

  /**
   * Another page made another dataset the current one: new files go there too, as the page says
   * ("the choice becomes the current dataset everywhere"). Files already added keep theirs.
   */
  async function adoptCurrentDataset(id: string): Promise<void> {
    if (id === dataset.value) return;
    dataset.value = id;
    await loadDatasets();
  }

  async function createDataset(name: string): Promise<boolean> {
    try {
      const created = await sendMessage('create-dataset', { name });
      datasets.value = [...datasets.value, created];
      await chooseDataset(created.id);
      return true;
    } catch (error) {
      datasetError.value = `No dataset was created: ${messageOf(error)}`;
      return false;
    }
  }

  return {
    files,
    progress,
    datasets,
    dataset,
    datasetName,
    datasetError,
    addFiles,
    addText,
    answer,
    undo,
    markUndone,
    storedChanges,
    loadDatasets,
    chooseDataset,
    adoptCurrentDataset,
    createDataset,
    /** The person accepted importing the good rows of a file with rejected lines. */
    importRest: (id: number) => store(id),
    discard(id: number): void {
      forget(id);
      update(id, { phase: 'discarded' });
    },
  };
}

export type ImportStore = ReturnType<typeof createImportStore>;
