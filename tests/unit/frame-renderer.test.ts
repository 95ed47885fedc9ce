import { describe, expect, it } from 'vitest';
import { createFrameRenderer } from '../../src/lib/chat/frame-renderer';

describe('streaming reply renderer', () => {
  function fakeFrames() {
    const queue = new Map<number, () => void>();
    let next = 1;
    return {
      schedule: (cb: () => void) => (queue.set(next, cb), next++),
      cancel: (handle: number) => void queue.delete(handle),
      tick: () => {
        const callbacks = [...queue.values()];
        queue.clear();
        callbacks.forEach((cb) => cb());
      },
    };
  }

  it('renders many tokens within one frame once, with the latest text', () => {
    const frames = fakeFrames();
    const rendered: string[] = [];
    const renderer = createFrameRenderer((t) => rendered.push(t), frames.schedule, frames.cancel);
    renderer.update('I');
    renderer.update('I hear');
    renderer.update('I hear you');
    expect(rendered).toEqual([]);
    frames.tick();
    expect(rendered).toEqual(['I hear you']);
    renderer.update('I hear you.');
    frames.tick();
    expect(rendered).toEqual(['I hear you', 'I hear you.']);
  });

  it('shows the final text at once and drops the pending frame', () => {
    const frames = fakeFrames();
    const rendered: string[] = [];
    const renderer = createFrameRenderer((t) => rendered.push(t), frames.schedule, frames.cancel);
    renderer.update('partial');
    renderer.flush('final');
    frames.tick();
    expect(rendered).toEqual(['final']);
  });
});
