/**
 * The two sides of an engine. `EngineHandler` runs inside a worker and does the work; `ChatEngine` is what
 * the main thread holds (the protocol client for the CPU worker, the web-llm adapter for WebGPU), so the
 * chat screen treats both engines alike.
 */
import type {
  ChatMessage,
  EngineKind,
  GenerateOptions,
  GenerationResult,
  LoadProgress,
  LoadSpec,
  ModelInfo,
} from '../../workers/llm-protocol';

/** Worker side: what `serveLlmWorker` drives. One generation at a time. */
export interface EngineHandler {
  load(spec: LoadSpec, onProgress: (progress: LoadProgress) => void): Promise<ModelInfo>;
  generate(
    messages: ChatMessage[],
    options: GenerateOptions,
    onToken: (text: string) => void,
  ): Promise<GenerationResult>;
  /** Stop the running generation after the current token; it then completes with `interrupted`. */
  interrupt(): void;
  /** Forget the conversation state (the KV cache); the model stays loaded. */
  reset(): Promise<void>;
  /** Free the model. */
  unload(): Promise<void>;
}

export interface LoadCallbacks {
  onProgress?: (progress: LoadProgress) => void;
}

export interface GenerateCallbacks {
  /** Each streamed piece of text, in order; their concatenation is the reply so far. */
  onToken?: (text: string) => void;
}

/** A reply as an async iterator of text pieces, with the final result alongside. */
export interface TokenStream extends AsyncIterable<string> {
  /** Resolves when the reply ends (also after stop); rejects with a named error. */
  readonly result: Promise<GenerationResult>;
}

/** Main-thread side: one loaded model in one worker. */
export interface ChatEngine {
  readonly kind: EngineKind;
  /** Load (download if needed) a model. Rejects with a named error from `errors.ts`. */
  load(spec: LoadSpec, callbacks?: LoadCallbacks): Promise<ModelInfo>;
  /** Generate one reply to `messages` (system prompt first, the latest user turn last). */
  generate(
    messages: ChatMessage[],
    options: GenerateOptions,
    callbacks?: GenerateCallbacks,
  ): Promise<GenerationResult>;
  /** The same as `generate`, as an async iterator. */
  stream(messages: ChatMessage[], options: GenerateOptions): TokenStream;
  /** Stop the current reply; its promise resolves with `finishReason: 'interrupted'` and the partial text. */
  interrupt(): Promise<void>;
  /** Forget cached conversation state (new conversation). */
  reset(): Promise<void>;
  /** Free the model; the worker stays. */
  unload(): Promise<void>;
  /** End the worker now (cancel a download, leave the chat). Pending calls reject with `InterruptedError`. */
  dispose(): void;
}
