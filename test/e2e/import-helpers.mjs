// Shared by the import page's browser tests: waiting for results to settle, reading them, the widget.
import { openPage, readWidget } from '../../scripts/chromium-extension.mjs';

const SETTLED = ['imported', 'review', 'question', 'error', 'discarded', 'undone'];

/** Waits until the page lists `count` results, none of them still reading or storing. */
export async function settledResults(page, count) {
  await page.waitForFunction(
    ({ count, settled }) => {
      const results = [...document.querySelectorAll('[data-testid="import-result"]')];
      return results.length === count && results.every((el) => settled.includes(el.dataset.phase));
    },
    { count, settled: SETTLED },
    { timeout: 30_000 },
  );
  return page.getByTestId('import-result').evaluateAll((elements) =>
    elements.map((el) => ({
      name: el.querySelector('strong')?.textContent,
      status: el.dataset.status,
      phase: el.dataset.phase,
      rows: Number(el.dataset.rows),
      rejected: Number(el.dataset.rejected),
      text: el.textContent,
    })),
  );
}

/** The popup's widget numbers, or null when the popup shows the empty state. */
export async function popupWidget(extension) {
  const popup = await openPage(extension, 'popup.html', { width: 440, height: 600 });
  try {
    await popup.locator('[data-testid="widget"], [data-testid="empty-state"]').first().waitFor();
    if ((await popup.getByTestId('empty-state').count()) > 0) return null;
    return await readWidget(popup);
  } finally {
    await popup.close();
  }
}

/** The CLI summary numbers for the widget's window, shaped like the widget's (shares as shown). */
export function sharesOf(direction) {
  const shares = {};
  for (const bucket of ['none', 'tls1.0', 'tls1.1', 'tls1.2', 'tls1.3']) {
    shares[bucket] = direction.messages === 0 ? null : (direction.tls[bucket] / direction.messages) * 100;
  }
  return shares;
}

/** Empties the database and storage.local (settings, remembered mappings) without a new browser. */
export async function resetExtension(extension) {
  const page = await openPage(extension, 'options.html');
  await page.evaluate(async () => {
    await chrome.storage.local.clear();
    const reply = await chrome.runtime.sendMessage({ name: 'delete-all-data', request: {} });
    if (!reply?.ok) throw new Error(reply?.error ?? 'the background did not answer');
  });
  await page.close();
}

/** Waits until the results show exactly these phases, top to bottom (after a click changes one). */
export async function phases(page, expected) {
  await page.waitForFunction(
    (expected) =>
      JSON.stringify(
        [...document.querySelectorAll('[data-testid="import-result"]')].map((el) => el.dataset.phase),
      ) === JSON.stringify(expected),
    expected,
    { timeout: 30_000 },
  );
}

/** Says yes to every confirm() the page asks; the questions asked, in order, land in the array returned. */
export function acceptDialogs(page) {
  const questions = [];
  page.on('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.accept();
  });
  return questions;
}
