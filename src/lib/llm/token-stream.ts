/** Turns a callback-style generation into an async iterator of text pieces with the result alongside. */
import type { GenerationResult } from '../../workers/llm-protocol';
import type { TokenStream } from './engine';

/**
 * Start `run` now and expose its tokens as an async iterator. Iterating after the end replays nothing:
 * it yields the pieces still queued, then stops, or throws the generation's error.
 */
export function createTokenStream(
  run: (onToken: (text: string) => void) => Promise<GenerationResult>,
): TokenStream {
  const queue: string[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  let failure: unknown;
  let failed = false;

  const result = run((text) => {
    queue.push(text);
    wake?.();
  });
  result.then(
    () => {
      finished = true;
      wake?.();
    },
    (error: unknown) => {
      finished = true;
      failed = true;
      failure = error;
      wake?.();
    },
  );

  return {
    result,
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (queue.length > 0) {
          yield queue.shift()!;
          continue;
        }
        if (finished) {
          if (failed) throw failure;
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
  };
}
