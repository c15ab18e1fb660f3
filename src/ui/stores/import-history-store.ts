/**
 * The import log of one dataset, as the import page lists it: every import stored (picked, dropped,
 * pasted or captured on the portal, in this session or long before), newest first, each with an
 * Undo. The service worker keeps the log and does the undo (src/store/imports.ts); this store only
 * asks and shows.
 */
import { signal } from '@preact/signals';
import type { ImportSummary, UndoOutcome } from '../../store/imports.js';

export interface ImportHistoryDoors {
  listImports(dataset: string): Promise<ImportSummary[]>;
  undoImport(importId: number): Promise<UndoOutcome>;
  /** After an undo from the list: lets the rest of the page show it too. */
  afterUndo?(importId: number, outcome: UndoOutcome): void;
}

/** What came of the last Undo clicked in the log: what it did, or why it was refused. */
export type HistoryNotice =
  | { kind: 'undone'; fileName: string; outcome: UndoOutcome }
  | { kind: 'refused'; fileName: string; reason: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createImportHistoryStore(doors: ImportHistoryDoors) {
  /** null until the first list has arrived. */
  const entries = signal<ImportSummary[] | null>(null);
  const loadError = signal<string | null>(null);
  const notice = signal<HistoryNotice | null>(null);
  /** The import whose undo is under way: its button waits. */
  const undoing = signal<number | null>(null);
  let dataset: string | null = null;
  /** Answers to an older request (another dataset, or overtaken) are dropped. */
  let latest = 0;

  async function load(forDataset: string): Promise<void> {
    if (forDataset !== dataset) {
      dataset = forDataset;
      entries.value = null;
      notice.value = null;
    }
    const request = ++latest;
    try {
      const list = await doors.listImports(forDataset);
      if (request !== latest) return;
      entries.value = list;
      loadError.value = null;
    } catch (error) {
      if (request !== latest) return;
      loadError.value = `Could not list the imports: ${messageOf(error)}`;
    }
  }

  async function undo(entry: ImportSummary): Promise<void> {
    if (undoing.value !== null) return;
    undoing.value = entry.id;
    try {
      const outcome = await doors.undoImport(entry.id);
      notice.value = { kind: 'undone', fileName: entry.fileName, outcome };
      doors.afterUndo?.(entry.id, outcome);
    } catch (error) {
      notice.value = { kind: 'refused', fileName: entry.fileName, reason: messageOf(error) };
    } finally {
      undoing.value = null;
    }
    if (dataset !== null) await load(dataset);
  }

  return { entries, loadError, notice, undoing, load, undo };
}

export type ImportHistoryStore = ReturnType<typeof createImportHistoryStore>;
