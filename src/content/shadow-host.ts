/**
 * A host element for something we show in the portal, with its own shadow root: the portal's
 * styles do not reach in (the host resets inheritance) and ours do not leak out. The theme tokens
 * are the extension pages' own (theme.css), so the notice and the panel look like the popup, light
 * and dark.
 */
import themeCss from '../ui/theme.css?raw';

export function createShadowHost(
  document: Document,
  id: string,
  css: string,
): { host: HTMLElement; root: ShadowRoot } {
  document.getElementById(id)?.remove();
  const host = document.createElement('div');
  host.id = id;
  // Inline and !important: a page rule such as `div { display: none }` must not hide or move us.
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', 'block', 'important');
  // Open, so the browser tests can reach in; the page learns nothing it does not already have
  // (the panel's numbers are in a cross-origin frame, and the notice only echoes its own export).
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${themeCss}\n${css}`;
  root.append(style);
  document.documentElement.append(host);
  return { host, root };
}

/** A DOM element with text content only: nothing from a file or the page is ever parsed as HTML. */
export function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string> } = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class !== undefined) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
