/** A plain object (not null, not an array): the first check of every message and stored value read back. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
