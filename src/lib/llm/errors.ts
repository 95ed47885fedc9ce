/**
 * Every failure of the local model that a person can meet, as a named error with a stable `code`.
 * The UI maps `code` to a message and a next step in each language; `message` is English, for logs.
 * `name` is set explicitly because minifiers rename classes, and because errors cross the worker
 * boundary as data (`{ name, message, code }`) and are rebuilt here by name.
 */
import type { ErrorData } from '../../workers/llm-protocol';

export const LLM_ERROR_CODES = [
  'webgpu-unavailable',
  'no-gpu-adapter',
  'shader-f16-missing',
  'device-lost',
  'out-of-memory',
  'storage-full',
  'network',
  'model-load-failed',
  'model-not-loaded',
  'worker-crashed',
  'interrupted',
  'context-too-long',
  'busy',
  'engine-failed',
] as const;

/** A code the UI can translate. */
export type LlmErrorCode = (typeof LLM_ERROR_CODES)[number];

/** Base class of every error the LLM layer throws on purpose. */
export abstract class LlmError extends Error {
  abstract readonly code: LlmErrorCode;
  /** Turn into data that can cross a worker boundary. */
  toData(): ErrorData {
    return { name: this.name, message: this.message, code: this.code };
  }
}

/** The browser has no WebGPU at all (`navigator.gpu` missing). Next step: the CPU path. */
export class WebGPUNotAvailableError extends LlmError {
  override readonly name = 'WebGPUNotAvailableError';
  readonly code = 'webgpu-unavailable';
  constructor(message = 'WebGPU is not available in this browser.') {
    super(message);
  }
}

/** WebGPU exists but no adapter was given (no GPU, blocklisted driver, disabled). Next step: the CPU path. */
export class NoGpuAdapterError extends LlmError {
  override readonly name = 'NoGpuAdapterError';
  readonly code = 'no-gpu-adapter';
  constructor(message = 'No compatible GPU was found.') {
    super(message);
  }
}

/** The model needs the `shader-f16` feature, which this GPU lacks. Next step: the model's q4f32 variant. */
export class ShaderF16MissingError extends LlmError {
  override readonly name = 'ShaderF16MissingError';
  readonly code = 'shader-f16-missing';
  constructor(message = 'This model needs the WebGPU feature shader-f16, which this device lacks.') {
    super(message);
  }
}

/** The GPU device was lost (driver reset, memory pressure). Next step: reload, or a smaller model. */
export class DeviceLostError extends LlmError {
  override readonly name = 'DeviceLostError';
  readonly code = 'device-lost';
  constructor(message = 'The GPU device was lost.') {
    super(message);
  }
}

/** Not enough (GPU) memory for the model. Next step: a smaller model. */
export class OutOfMemoryError extends LlmError {
  override readonly name = 'OutOfMemoryError';
  readonly code = 'out-of-memory';
  constructor(message = 'Not enough memory to run this model.') {
    super(message);
  }
}

/** The browser refused to store more model files. Next step: free space or pick a smaller model. */
export class ModelStorageFullError extends LlmError {
  override readonly name = 'ModelStorageFullError';
  readonly code = 'storage-full';
  constructor(message = 'There is not enough storage space for the model files.') {
    super(message);
  }
}

/** A model file could not be fetched (offline, host down). Next step: retry when online. */
export class NetworkError extends LlmError {
  override readonly name = 'NetworkError';
  readonly code = 'network';
  constructor(message = 'The model files could not be downloaded.') {
    super(message);
  }
}

/** The model files were there but could not be loaded (corrupt, wrong format). Next step: delete and retry. */
export class ModelLoadFailedError extends LlmError {
  override readonly name = 'ModelLoadFailedError';
  readonly code = 'model-load-failed';
  constructor(message = 'The model could not be loaded.') {
    super(message);
  }
}

/** A reply was asked for before a model was loaded. */
export class ModelNotLoadedError extends LlmError {
  override readonly name = 'ModelNotLoadedError';
  readonly code = 'model-not-loaded';
  constructor(message = 'No model is loaded.') {
    super(message);
  }
}

/** The worker died or stopped answering. The conversation is kept; the model must be loaded again. */
export class WorkerCrashedError extends LlmError {
  override readonly name = 'WorkerCrashedError';
  readonly code = 'worker-crashed';
  constructor(message = 'The model stopped working.') {
    super(message);
  }
}

/** A load or request was cancelled by the person (cancel download, unload). */
export class InterruptedError extends LlmError {
  override readonly name = 'InterruptedError';
  readonly code = 'interrupted';
  constructor(message = 'Cancelled.') {
    super(message);
  }
}

/**
 * The prompt does not fit the model's context window. The context budget trims history before this can
 * happen, so it never reaches the person; if it does, it is a bug in the budget.
 */
export class ContextTooLongError extends LlmError {
  override readonly name = 'ContextTooLongError';
  readonly code = 'context-too-long';
  constructor(message = 'The conversation is too long for this model.') {
    super(message);
  }
}

/** A second generation was asked for while one runs. */
export class EngineBusyError extends LlmError {
  override readonly name = 'EngineBusyError';
  readonly code = 'busy';
  constructor(message = 'The model is still answering.') {
    super(message);
  }
}

/** Anything else the engine threw. */
export class EngineFailedError extends LlmError {
  override readonly name = 'EngineFailedError';
  readonly code = 'engine-failed';
  constructor(message = 'The model failed.') {
    super(message);
  }
}

const CLASSES: Record<string, new (message?: string) => LlmError> = {
  WebGPUNotAvailableError,
  NoGpuAdapterError,
  ShaderF16MissingError,
  DeviceLostError,
  OutOfMemoryError,
  ModelStorageFullError,
  NetworkError,
  ModelLoadFailedError,
  ModelNotLoadedError,
  WorkerCrashedError,
  InterruptedError,
  ContextTooLongError,
  EngineBusyError,
  EngineFailedError,
};

/** Rebuild a named error from the data a worker sent. Unknown names become `EngineFailedError`. */
export function errorFromData(data: Pick<ErrorData, 'name' | 'message'>): LlmError {
  const Cls = CLASSES[data.name] ?? EngineFailedError;
  return new Cls(data.message);
}

/** True for errors the person can fix by choosing another model (not by retrying the same one). */
export function needsSmallerModel(error: unknown): boolean {
  return (
    error instanceof OutOfMemoryError ||
    error instanceof ShaderF16MissingError ||
    error instanceof DeviceLostError
  );
}

/**
 * Map any thrown value (an Error, or the string web-llm's worker client rejects with) to a named error.
 * Shared by both engines: the patterns cover web-llm, ONNX Runtime and fetch failures.
 */
export function toLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const has = (re: RegExp) => re.test(text);
  if (name === 'AbortError' || has(/^AbortError\b|aborted/i)) return new InterruptedError(text);
  if (has(/ShaderF16SupportError|shader-f16/i)) return new ShaderF16MissingError(text);
  if (has(/WebGPUNotAvailableError|WebGPUNotFoundError|WebGPU is not (supported|available)/i))
    return new WebGPUNotAvailableError(text);
  if (has(/Unable to find a compatible GPU|requestAdapter|no (GPU )?adapter/i))
    return new NoGpuAdapterError(text);
  if (has(/QuotaExceeded|quota/i)) return new ModelStorageFullError(text);
  // web-llm phrases a lost device "often ... out of memory"; the device loss is what happened.
  if (has(/DeviceLostError|device (was |is )?lost/i)) return new DeviceLostError(text);
  if (
    has(
      /out of memory|OOM\b|Failed to allocate|std::bad_alloc|Cannot allocate|RangeError: Array buffer allocation/i,
    )
  )
    return new OutOfMemoryError(text);
  if (has(/ContextWindowSizeExceeded|exceed context window|context window size/i))
    return new ContextTooLongError(text);
  if (has(/Failed to fetch|NetworkError|network|ERR_INTERNET|ERR_NETWORK|Load failed|fetch failed/i))
    return new NetworkError(text);
  if (has(/ModelNotLoaded|EngineNotLoaded|Model not loaded/i)) return new ModelNotLoadedError(text);
  if (
    has(
      /Could not locate file|Unauthorized access to file|protobuf|Unexpected token '<'|not valid JSON|ModelNotFound|Cannot find model record/i,
    )
  )
    return new ModelLoadFailedError(text);
  return new EngineFailedError(text);
}
