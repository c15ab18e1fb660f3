/**
 * A capture must follow a click the person made. The page (or anything running in it) can post
 * the relay's message at any time, but it cannot make a trusted click: `event.isTrusted` is true
 * only for input from the user (a mouse click, or Enter/Space on a focused control).
 *
 * Each trusted click opens a short window in which one capture may be accepted; accepting one
 * closes it, so one click cannot be turned into a stream of imports.
 */
export const CLICK_WINDOW_MS = 10_000;

export interface ClickGate {
  /** Called for every click event; only trusted ones open the window. */
  onClick(event: Pick<Event, 'isTrusted'>, now: number): void;
  /** True (and the window closes) when a trusted click happened within CLICK_WINDOW_MS. */
  consume(now: number): boolean;
}

export function createClickGate(windowMs: number = CLICK_WINDOW_MS): ClickGate {
  let lastTrustedClick: number | null = null;
  return {
    onClick(event, now) {
      if (event.isTrusted === true) lastTrustedClick = now;
    },
    consume(now) {
      if (lastTrustedClick === null) return false;
      const elapsed = now - lastTrustedClick;
      if (elapsed < 0 || elapsed > windowMs) return false;
      lastTrustedClick = null;
      return true;
    },
  };
}
