/**
 * Workers at the edge, in process. Both copy every message with structuredClone and deliver it on a later
 * task, as postMessage does, so the client meets the same ordering and cloning it meets in a browser.
 */
import {
  EmotionClassifierHandler,
  type ClassifierHandlerDeps,
} from '../../../src/lib/emotion/classifier-handler';
import type { EmotionWorkerLike } from '../../../src/lib/emotion/emotion-client';
import type { EmotionRequest, EmotionResponse } from '../../../src/workers/emotion-protocol';

type Listener = (event: never) => void;

abstract class FakeWorkerBase implements EmotionWorkerLike {
  readonly sent: EmotionRequest[] = [];
  terminated = false;
  readonly #listeners = new Map<string, Listener[]>();

  addEventListener(type: string, listener: Listener): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  postMessage(message: EmotionRequest): void {
    this.sent.push(message);
    const data = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.receive(data);
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Send a message to the client, as the worker's postMessage would. */
  reply(message: EmotionResponse): void {
    const data = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.emit('message', { data });
    });
  }

  /** Fire an `error` event, as a crashed worker script does. */
  crash(message = 'Uncaught RangeError'): void {
    this.emit('error', { message });
  }

  protected emit(type: string, event: object): void {
    for (const listener of this.#listeners.get(type) ?? []) (listener as (event: object) => void)(event);
  }

  protected abstract receive(message: EmotionRequest): void;
}

/** A worker running the real handler (and so the real pipeline) in this process. */
export class InProcessEmotionWorker extends FakeWorkerBase {
  readonly #handler: EmotionClassifierHandler;

  constructor(deps: Omit<ClassifierHandlerDeps, 'post'> = {}) {
    super();
    this.#handler = new EmotionClassifierHandler({ ...deps, post: (message) => this.reply(message) });
  }

  protected receive(message: EmotionRequest): void {
    void this.#handler.handle(message);
  }
}

/** A worker whose answers the test writes. */
export class ScriptedEmotionWorker extends FakeWorkerBase {
  constructor(private readonly script: (message: EmotionRequest, worker: ScriptedEmotionWorker) => void) {
    super();
  }

  protected receive(message: EmotionRequest): void {
    this.script(message, this);
  }
}
