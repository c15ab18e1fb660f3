/**
 * A uPlot chart as a Preact component: created once on mount, updated in place with setData and
 * setSize, destroyed on unmount. Options are read once; give the component a new `key` when the
 * series themselves change. Everything it touches is under its own element, so it also works in
 * a shadow root.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface UplotChartProps {
  /** Builds the options once, with the chart's element (to read theme colours from). */
  options: (root: HTMLElement) => Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height: number;
}

export function UplotChart({ options, data, height }: UplotChartProps) {
  const root = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = root.current;
    if (element === null) return;
    const width = Math.max(element.clientWidth, 200);
    const plot = new uPlot({ ...options(element), width, height }, data, element);
    chart.current = plot;
    const resize = new ResizeObserver(([entry]) => {
      const next = Math.floor(entry?.contentRect.width ?? 0);
      if (next > 0 && next !== plot.width) plot.setSize({ width: next, height });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
    // Created once: later data arrives through setData below, later sizes through the observer.
  }, []);

  useEffect(() => {
    chart.current?.setData(data);
  }, [data]);

  return <div class="uplot-host" ref={root} />;
}

/** A theme colour from a CSS custom property on the chart's element (light or dark). */
export function themeColor(element: HTMLElement, property: string, fallback: string): string {
  const view = element.ownerDocument.defaultView;
  const value = view?.getComputedStyle(element).getPropertyValue(property).trim();
  return value === undefined || value === '' ? fallback : value;
}
