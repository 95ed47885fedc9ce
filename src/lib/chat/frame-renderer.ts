/**
 * Coalesces renders of a streaming reply to one per animation frame: tokens can arrive faster than the
 * screen refreshes, and re-rendering the whole reply's Markdown for each one would block the main thread.
 */
export interface FrameRenderer {
  /** The reply so far; it is rendered at the next frame (later texts in the same frame replace it). */
  update(text: string): void;
  /** The final text, rendered now; a pending frame is dropped. */
  flush(text: string): void;
}

export function createFrameRenderer(
  render: (text: string) => void,
  schedule: (callback: () => void) => number = (cb) => requestAnimationFrame(cb),
  cancel: (handle: number) => void = (handle) => cancelAnimationFrame(handle),
): FrameRenderer {
  let pending: string | undefined;
  let handle = 0;
  return {
    update(text) {
      pending = text;
      if (handle) return;
      handle = schedule(() => {
        handle = 0;
        const next = pending;
        pending = undefined;
        if (next !== undefined) render(next);
      });
    },
    flush(text) {
      if (handle) cancel(handle);
      handle = 0;
      pending = undefined;
      render(text);
    },
  };
}
