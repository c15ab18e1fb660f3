/**
 * The database and the snapshot functions, loaded on first need. The popup keeps the schema and
 * store code out of its first chunk (it paints from its copy), and loads them here when it must
 * read the database through them: the worker-less snapshot call, and a database the bare early
 * read cannot open (missing, or older than this build).
 */
export async function openSnapshotStore() {
  const [{ mailflowDb }, snapshots] = await Promise.all([import('./schema.js'), import('./snapshots.js')]);
  return {
    db: await mailflowDb(),
    readSnapshot: snapshots.readSnapshot,
    readAllSnapshots: snapshots.readAllSnapshots,
  };
}
