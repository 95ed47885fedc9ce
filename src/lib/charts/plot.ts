/**
 * The part every chart shares: uPlot loads on first use (it stays off the first screen), takes its colours
 * from the theme's CSS variables, follows its container's width, and is torn down with the component.
 */
import type uPlot from 'uplot';

export const PLOT_HEIGHT = 220;
const MIN_WIDTH = 240;

export interface PlotColours {
  text: string;
  accent: string;
  grid: string;
}

export interface PlotSpec {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
}

async function loadUplot(): Promise<typeof uPlot> {
  const [{ default: UPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
  return UPlot;
}

/** Axis styling in the theme's colours. */
export function axisStyle(colours: PlotColours): uPlot.Axis {
  return { stroke: colours.text, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid } };
}

/**
 * Draws a chart into `el` once uPlot has loaded; `onReady` runs when it is on screen. Returns the cleanup
 * (for an `$effect`): a chart whose component went away before uPlot loaded is never drawn.
 */
export function mountPlot(
  el: HTMLElement,
  build: (colours: PlotColours) => PlotSpec,
  onReady: () => void,
): () => void {
  let plot: uPlot | undefined;
  let observer: ResizeObserver | undefined;
  let cancelled = false;
  void loadUplot().then((UPlot) => {
    if (cancelled) return;
    const style = getComputedStyle(el);
    const colours: PlotColours = {
      text: style.getPropertyValue('--muted').trim() || '#666',
      accent: style.getPropertyValue('--accent').trim() || '#2f6f6a',
      grid: style.getPropertyValue('--border').trim() || '#ddd',
    };
    const { options, data } = build(colours);
    plot = new UPlot(
      { ...options, width: Math.max(MIN_WIDTH, el.clientWidth), height: PLOT_HEIGHT },
      data,
      el,
    );
    onReady();
    observer = new ResizeObserver(() =>
      plot?.setSize({ width: Math.max(MIN_WIDTH, el.clientWidth), height: PLOT_HEIGHT }),
    );
    observer.observe(el);
  });
  return () => {
    cancelled = true;
    observer?.disconnect();
    plot?.destroy();
  };
}
