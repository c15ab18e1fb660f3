/**
 * The toolbar popup's entry. It paints the widget in the task it runs in, from the copy of the
 * widget snapshot in localStorage (src/widget-mirror-local.ts): one synchronous read, no extension
 * API, no database, no other script to wait for. After that frame it reads the truth, the settings
 * and the stored snapshot (popup-reads.ts), and repaints and rewrites the copy when the copy was
 * made for another dataset or other thresholds, or is behind the database's generation. Without a
 * usable copy it mounts once the truth is read, and writes the copy for the next popup. The entry
 * and the widget's code are one chunk (vite.config.ts); the flyout, the charts, the extension API
 * door and the schema code load later, on demand.
 */
import { sameThresholds } from '../core/insights.js';
import { type CheckedMirror, mirrorOf } from '../store/snapshot-mirror.js';
import { snapshotOf } from '../store/snapshot-view.js';
import { type MountedPopup, mountPopup } from '../ui/popup-mount.js';
import { snapshotState } from '../ui/stores/snapshot-store.js';
import { readLocalMirror, writeLocalMirror } from '../widget-mirror-local.js';
import { type PopupTruth, readPopupTruth } from './popup-reads.js';

// A module script runs once the page is parsed: #app is there.
const root = document.getElementById('app') as HTMLElement;

function mountTruth(truth: PopupTruth): MountedPopup {
  const { currentDataset, thresholds } = truth.settings;
  return mountPopup(root, currentDataset, thresholds, stateOf(truth));
}

function stateOf({ settings, snapshot }: PopupTruth) {
  return snapshotState(
    snapshot.status === 'fulfilled'
      ? { status: 'fulfilled', value: snapshotOf(snapshot.value, settings.thresholds) }
      : snapshot,
  );
}

/** The copy the next popup paints; best effort, as every writer's (src/widget-mirror.ts). */
function writeMirror({ settings, snapshot }: PopupTruth): void {
  if (snapshot.status !== 'fulfilled') return;
  try {
    writeLocalMirror(mirrorOf(settings.currentDataset, snapshot.value, settings.thresholds));
  } catch {
    // The next popup reads the truth again.
  }
}

/** After the copy's frame: the truth replaces what the copy got wrong. */
function correct(popup: MountedPopup, copy: CheckedMirror, truth: PopupTruth): void {
  const { currentDataset, thresholds } = truth.settings;
  if (currentDataset !== copy.dataset || !sameThresholds(thresholds, copy.thresholds)) {
    // A copy of another dataset or other thresholds: the popup's queries go by them too, so it is
    // mounted again, and a worker the first one may have started for the flyout is stopped.
    popup.client.terminate();
    mountTruth(truth);
    writeMirror(truth);
    return;
  }
  const { snapshot } = truth;
  if (snapshot.status === 'fulfilled' && (snapshot.value?.generation ?? null) === copy.generation) return;
  popup.store.snapshot.state.value = stateOf(truth);
  writeMirror(truth);
}

const copy = readLocalMirror();
if (copy === null) {
  void readPopupTruth().then((truth) => {
    mountTruth(truth);
    writeMirror(truth);
  });
} else {
  const popup = mountPopup(
    root,
    copy.dataset,
    copy.thresholds,
    snapshotState({ status: 'fulfilled', value: copy.snapshot }),
  );
  // Read after the frame that shows the copy: started now, the reads' work would hold that frame.
  requestAnimationFrame(() =>
    setTimeout(() => void readPopupTruth().then((truth) => correct(popup, copy, truth))),
  );
}
