/**
 * The main-thread client of an LLM worker that speaks `llm-protocol.ts` (the CPU worker). It owns the
 * Worker, matches replies to requests by id, streams tokens, and turns a dead or silent worker into
 * `WorkerCrashedError` so the chat can keep the person's message and offer to reload the model.
 * It imports neither web-llm nor transformers.js: those load inside the worker.
 */
import type {
  ChatMessage,
  EngineKind,
  GenerateOptions,
  GenerationResult,
  LlmRequest,
  LlmResponse,
  LoadProgress,
  LoadSpec,
  ModelInfo,
} from '../../workers/llm-protocol';
import type { ChatEngine, GenerateCallbacks, LoadCallbacks, TokenStream } from './engine';
import { errorFromData, InterruptedError, LlmError, WorkerCrashedError } from './errors';
import { createTokenStream } from './token-stream';

/** The part of a `Worker` the client uses; tests pass a fake with the same shape. */
export interface WorkerLike {
  postMessage(message: LlmRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LlmResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

/** Makes a fresh worker; called lazily, and again after a crash. */
export type WorkerFactory = () => WorkerLike;

/** How long a request may go without any reply before the worker counts as hung. */
export interface ReplyTimeouts {
  /** Between two progress reports of a load (a slow network can stall a while). */
  load: number;
  /** Before the first token, and between tokens (a long prefill on a slow CPU takes a while). */
  generate: number;
  /** For interrupt, reset and unload. */
  control: number;
}

export const DEFAULT_REPLY_TIMEOUTS: ReplyTimeouts = { load: 180_000, generate: 180_000, control: 15_000 };

export interface EngineClientOptions {
  kind?: EngineKind;
  timeouts?: Partial<ReplyTimeouts>;
}

interface Pending {
  kind: LlmRequest['kind'];
  resolve: (value: unknown) => void;
  reject: (error: LlmError) => void;
  onProgress?: (progress: LoadProgress) => void;
  onToken?: (text: string) => void;
  timer?: ReturnType<typeof setTimeout>;
}

type RequestBody<K extends LlmRequest['kind']> = Omit<Extract<LlmRequest, { kind: K }>, 'id' | 'kind'>;

/** A `ChatEngine` backed by a worker speaking the LLM protocol. */
export class LlmEngineClient implements ChatEngine {
  readonly kind: EngineKind;
  readonly #factory: WorkerFactory;
  readonly #timeouts: ReplyTimeouts;
  readonly #pending = new Map<number, Pending>();
  #worker: WorkerLike | undefined;
  #nextId = 1;
  #generateId: number | undefined;

  constructor(factory: WorkerFactory, options: EngineClientOptions = {}) {
    this.#factory = factory;
    this.kind = options.kind ?? 'cpu';
    this.#timeouts = { ...DEFAULT_REPLY_TIMEOUTS, ...options.timeouts };
  }

  /** True while a reply is being generated. */
  get generating(): boolean {
    return this.#generateId !== undefined;
  }

  load(spec: LoadSpec, callbacks: LoadCallbacks = {}): Promise<ModelInfo> {
    return this.#request('load', { spec }, { onProgress: callbacks.onProgress }) as Promise<ModelInfo>;
  }

  generate(
    messages: ChatMessage[],
    options: GenerateOptions,
    callbacks: GenerateCallbacks = {},
  ): Promise<GenerationResult> {
    return this.#request(
      'generate',
      { messages, options },
      { onToken: callbacks.onToken },
    ) as Promise<GenerationResult>;
  }

  stream(messages: ChatMessage[], options: GenerateOptions): TokenStream {
    return createTokenStream((onToken) => this.generate(messages, options, { onToken }));
  }

  async interrupt(): Promise<void> {
    if (this.#generateId === undefined) return;
    await this.#request('interrupt', {});
  }

  async reset(): Promise<void> {
    if (!this.#worker) return;
    await this.#request('reset', {});
  }

  async unload(): Promise<void> {
    if (!this.#worker) return;
    await this.#request('unload', {});
  }

  dispose(): void {
    this.#shutdown(new InterruptedError('The model was closed.'));
  }

  #ensureWorker(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#factory();
    worker.addEventListener('message', (event) => {
      if (this.#worker === worker) this.#onMessage(event.data);
    });
    const crashed = (event: Event) => {
      if (this.#worker !== worker) return;
      const detail = (event as ErrorEvent).message;
      this.#shutdown(new WorkerCrashedError(detail ? `The model worker crashed: ${detail}` : undefined));
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    this.#worker = worker;
    return worker;
  }

  #request<K extends LlmRequest['kind']>(
    kind: K,
    body: RequestBody<K>,
    callbacks: Pick<Pending, 'onProgress' | 'onToken'> = {},
  ): Promise<unknown> {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    const promise = new Promise<unknown>((resolve, reject) => {
      this.#pending.set(id, { kind, resolve, reject, ...callbacks });
    });
    if (kind === 'generate') this.#generateId = id;
    this.#arm(id);
    try {
      worker.postMessage({ kind, id, ...body } as LlmRequest);
    } catch (error) {
      // A message that cannot be cloned is a bug in the caller, not a crash.
      this.#settle(id, (p) =>
        p.reject(new WorkerCrashedError(`Could not send to the model worker: ${String(error)}`)),
      );
    }
    return promise;
  }

  /** (Re)start the request's watchdog: every reply for it proves the worker alive. */
  #arm(id: number): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    const ms =
      pending.kind === 'load'
        ? this.#timeouts.load
        : pending.kind === 'generate'
          ? this.#timeouts.generate
          : this.#timeouts.control;
    pending.timer = setTimeout(() => {
      this.#shutdown(
        new WorkerCrashedError(`The model worker did not answer for ${Math.round(ms / 1000)} s.`),
      );
    }, ms);
  }

  #onMessage(message: LlmResponse): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    switch (message.kind) {
      case 'progress':
        this.#arm(message.id);
        pending.onProgress?.(message.progress);
        return;
      case 'token':
        this.#arm(message.id);
        pending.onToken?.(message.text);
        return;
      case 'ready':
        this.#settle(message.id, (p) => p.resolve(message.info));
        return;
      case 'complete':
        this.#settle(message.id, (p) => p.resolve(message.result));
        return;
      case 'done':
        this.#settle(message.id, (p) => p.resolve(undefined));
        return;
      case 'error':
        this.#settle(message.id, (p) => p.reject(errorFromData(message)));
        return;
    }
  }

  #settle(id: number, action: (pending: Pending) => void): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    if (this.#generateId === id) this.#generateId = undefined;
    action(pending);
  }

  /** End the worker and fail everything still waiting on it. The next request starts a fresh worker. */
  #shutdown(error: LlmError): void {
    const worker = this.#worker;
    this.#worker = undefined;
    worker?.terminate();
    for (const id of [...this.#pending.keys()]) this.#settle(id, (p) => p.reject(error));
  }
}
