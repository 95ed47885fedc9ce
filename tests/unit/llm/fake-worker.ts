/**
 * A worker at the edge, in process: it runs an `EngineHandler` behind the real `serveLlmWorker`, and
 * copies every message with structuredClone and delivers it on a later task, as postMessage does.
 */
import type { WorkerLike } from '../../../src/lib/llm/engine-client';
import type { EngineHandler } from '../../../src/lib/llm/engine';
import { serveLlmWorker } from '../../../src/lib/llm/worker-host';
import type { LlmRequest, LlmResponse } from '../../../src/workers/llm-protocol';

type Listener = (event: never) => void;

export class InProcessWorker implements WorkerLike {
  readonly sent: LlmRequest[] = [];
  terminated = false;
  readonly #listeners = new Map<string, Listener[]>();
  #deliver: ((event: { data: LlmRequest }) => void) | undefined;

  constructor(handler: EngineHandler) {
    serveLlmWorker(
      {
        postMessage: (message: LlmResponse) => {
          const data = structuredClone(message);
          setTimeout(() => {
            if (!this.terminated) this.#emit('message', { data });
          });
        },
        addEventListener: (_type, listener) => (this.#deliver = listener),
      },
      handler,
    );
  }

  postMessage(message: LlmRequest): void {
    this.sent.push(message);
    const data = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.#deliver?.({ data });
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: string, listener: Listener): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  /** What a browser does when the worker's script throws or runs out of memory. */
  crash(message: string): void {
    this.#emit('error', { message });
  }

  #emit(type: string, event: unknown): void {
    for (const listener of this.#listeners.get(type) ?? []) listener(event as never);
  }
}
