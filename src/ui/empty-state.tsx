/** What a person sees before any data: how to get some. */
export function EmptyState({ onImport }: { onImport: () => void }) {
  return (
    <section class="card" data-testid="empty-state">
      <h2>No mail flow data yet</h2>
      <p>Mailflow Lens shows the reports you export from Microsoft 365, for as long as you keep them.</p>
      <ol>
        <li>
          In the Exchange admin center, open <strong>Reports › Mail flow › Inbound messages</strong> (or{' '}
          <strong>Outbound messages</strong>) and choose <strong>Export</strong>.
        </li>
        <li>Drop the .csv file on the import page.</li>
      </ol>
      <button type="button" class="button primary" onClick={onImport}>
        Open the import page
      </button>
    </section>
  );
}
