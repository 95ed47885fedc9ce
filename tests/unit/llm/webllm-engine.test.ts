import { describe, expect, it } from 'vitest';
import {
  DeviceLostError,
  InterruptedError,
  ModelNotLoadedError,
  ModelStorageFullError,
  NetworkError,
  NoGpuAdapterError,
  OutOfMemoryError,
  ShaderF16MissingError,
  ContextTooLongError,
  WebGPUNotAvailableError,
  WorkerCrashedError,
  toLlmError,
} from '../../../src/lib/llm/errors';
import {
  extendsConversation,
  mapWebLlmProgress,
  WebLlmEngineClient,
  type MlcEngineLike,
  type WebLlmAppConfig,
  type WebLlmChatRequest,
  type WebLlmChunk,
  type WebLlmModule,
  type WebLlmProgressReport,
} from '../../../src/lib/llm/webllm-engine';
import type { ChatMessage, LoadProgress, WebLlmLoadSpec } from '../../../src/workers/llm-protocol';

const tick = () => new Promise((r) => setTimeout(r, 1));

// The texts web-llm 0.2.86 throws (its worker client rejects with `String(error)`).
const WEBLLM_ERRORS = {
  shaderF16:
    'ShaderF16SupportError: This model requires WebGPU extension shader-f16, which is not enabled in this browser. You can try to launch Chrome Canary in command line with flag "--enable-dawn-features=allow_unsafe_apis".',
  noWebGpu:
    "WebGPUNotAvailableError: WebGPU is not supported in your current environment, but it is necessary to run the WebLLM engine. Please make sure that your browser supports WebGPU and that it is enabled in your browser settings. You can also consult your browser's compatibility chart to see if it supports WebGPU. For more information about WebGPU support in your browser, visit https://webgpureport.org/",
  noAdapter:
    "Error: Unable to find a compatible GPU. This issue might be because your computer doesn't have a GPU, or your system settings are not configured properly. Please check if your device has a GPU properly set up and if your your browser supports WebGPU.",
  deviceLost:
    'DeviceLostError: The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM). To resolve this, try reloading with a model that has fewer parameters or uses a smaller context length.',
  context:
    'ContextWindowSizeExceededError: Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096',
};

describe('web-llm errors become named errors', () => {
  it.each([
    [WEBLLM_ERRORS.shaderF16, ShaderF16MissingError, 'shader-f16-missing'],
    [WEBLLM_ERRORS.noWebGpu, WebGPUNotAvailableError, 'webgpu-unavailable'],
    [WEBLLM_ERRORS.noAdapter, NoGpuAdapterError, 'no-gpu-adapter'],
    [WEBLLM_ERRORS.deviceLost, DeviceLostError, 'device-lost'],
    [WEBLLM_ERRORS.context, ContextTooLongError, 'context-too-long'],
    ['TypeError: Failed to fetch', NetworkError, 'network'],
    ['QuotaExceededError: The quota has been exceeded.', ModelStorageFullError, 'storage-full'],
    ['RangeError: Array buffer allocation failed', OutOfMemoryError, 'out-of-memory'],
  ] as const)('%s', (thrown, Cls, code) => {
    const asString = toLlmError(thrown);
    expect(asString).toBeInstanceOf(Cls);
    expect(asString.code).toBe(code);
    const [name, ...rest] = thrown.split(': ');
    const asError = Object.assign(new Error(rest.join(': ')), { name });
    expect(toLlmError(asError)).toBeInstanceOf(Cls);
  });

  it('maps a plain fetch TypeError from Chromium', () => {
    expect(toLlmError(new TypeError('Failed to fetch'))).toBeInstanceOf(NetworkError);
  });
});

describe('web-llm progress', () => {
  const report = (progress: number, timeElapsed: number, text: string): WebLlmProgressReport => ({
    progress,
    timeElapsed,
    text,
  });

  it('derives MB, total, speed and time left from a download report', () => {
    const p = mapWebLlmProgress(
      report(
        0.25,
        10,
        'Fetching param cache[6/24]: 100MB fetched. 25% completed, 10 secs elapsed. It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.',
      ),
    );
    expect(p.phase).toBe('download');
    expect(p.percent).toBe(25);
    expect(p.loadedBytes).toBe(100 * 1024 * 1024);
    expect(p.totalBytes).toBe(400 * 1024 * 1024);
    expect(p.bytesPerSecond).toBe(10 * 1024 * 1024);
    expect(p.secondsLeft).toBe(30);
  });

  it('names each later step', () => {
    expect(mapWebLlmProgress(report(0, 0, 'Start to fetch params')).phase).toBe('download');
    expect(
      mapWebLlmProgress(
        report(0.5, 2, 'Loading model from cache[12/24]: 150MB loaded. 50% completed, 2 secs elapsed.'),
      ),
    ).toMatchObject({ phase: 'load', percent: 50, loadedBytes: 150 * 1024 * 1024 });
    expect(
      mapWebLlmProgress(report(0.3, 4, 'Loading GPU shader modules[30/100]: 30% completed, 4 secs elapsed.'))
        .phase,
    ).toBe('compile');
    expect(mapWebLlmProgress(report(1, 9, 'Finish loading on WebGPU - google')).phase).toBe('ready');
  });
});

const SPEC: WebLlmLoadSpec = {
  engine: 'webllm',
  modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
  modelList: [
    {
      model_id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      model: 'https://clinic.example/models/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/',
      model_lib: 'https://clinic.example/models/libs/Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm',
    },
  ],
  cacheBackend: 'indexeddb',
  contextWindow: 4096,
};

/** A fake MLCEngine with web-llm's method shapes. */
class FakeMlcEngine implements MlcEngineLike {
  readonly requests: WebLlmChatRequest[] = [];
  resets = 0;
  unloaded = false;
  interrupted = false;
  reply = ['I', ' hear', ' you', '.'];

  constructor(
    readonly config: { appConfig: WebLlmAppConfig; initProgressCallback: (r: WebLlmProgressReport) => void },
    private readonly failReload?: unknown,
  ) {}

  async reload(): Promise<void> {
    const cb = this.config.initProgressCallback;
    cb({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' });
    await tick();
    cb({
      progress: 0.5,
      timeElapsed: 1,
      text: 'Fetching param cache[1/2]: 200MB fetched. 50% completed, 1 secs elapsed.',
    });
    await tick();
    // web-llm's worker client rejects with the error's text, not an Error: the fake does the same.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (this.failReload !== undefined) throw this.failReload;
    cb({ progress: 1, timeElapsed: 2, text: 'Finish loading on WebGPU - fake' });
  }

  chat = {
    completions: {
      create: (request: WebLlmChatRequest) => {
        this.requests.push(request);
        this.interrupted = false;
        return Promise.resolve(this.#stream());
      },
    },
  };

  async *#stream(): AsyncGenerator<WebLlmChunk> {
    let n = 0;
    for (const word of this.reply) {
      if (this.interrupted) break;
      yield { choices: [{ delta: { content: word }, finish_reason: null }] };
      n++;
      await tick();
    }
    yield { choices: [{ delta: {}, finish_reason: this.interrupted ? 'abort' : 'stop' }] };
    yield {
      choices: [],
      usage: {
        prompt_tokens: 12,
        completion_tokens: n,
        extra: {
          e2e_latency_s: 0.5,
          prefill_tokens_per_s: 240,
          decode_tokens_per_s: 31,
          time_to_first_token_s: 0.05,
          time_per_output_token_s: 0.032,
        },
      },
    };
  }

  interruptGenerate(): void {
    this.interrupted = true;
  }
  resetChat(): Promise<void> {
    this.resets++;
    return Promise.resolve();
  }
  unload(): Promise<void> {
    this.unloaded = true;
    return Promise.resolve();
  }
}

class FakeWorker {
  terminated = false;
  readonly #listeners: ((e: Event) => void)[] = [];
  terminate() {
    this.terminated = true;
  }
  addEventListener(_type: string, listener: (e: Event) => void) {
    this.#listeners.push(listener);
  }
  crash(message: string) {
    for (const l of this.#listeners) l({ message } as unknown as Event);
  }
}

function setup(options: { failReload?: unknown } = {}) {
  const engines: FakeMlcEngine[] = [];
  const workers: FakeWorker[] = [];
  const cached = new Set<string>();
  const deleted: string[] = [];
  let imports = 0;
  const module: WebLlmModule = {
    createEngine: (_worker, config) => {
      const e = new FakeMlcEngine(config, engines.length === 0 ? options.failReload : undefined);
      engines.push(e);
      return e;
    },
    hasModelInCache: (id) => Promise.resolve(cached.has(id)),
    deleteModelAllInfoInCache: (id) => {
      deleted.push(id);
      cached.delete(id);
      return Promise.resolve();
    },
  };
  const client = new WebLlmEngineClient({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    importModule: () => {
      imports++;
      return Promise.resolve(module);
    },
  });
  return { client, engines, workers, cached, deleted, imports: () => imports };
}

const HISTORY: ChatMessage[] = [
  { role: 'system', content: 'Be kind.' },
  { role: 'user', content: 'Hello' },
];

describe('WebLlmEngineClient against a fake MLC engine', () => {
  it('imports web-llm only when a model is first needed', async () => {
    const { client, imports } = setup();
    expect(imports()).toBe(0);
    await client.load(SPEC);
    await client.load(SPEC);
    expect(imports()).toBe(1);
  });

  it('loads with the app config (mirror URLs, cache backend) and reports progress', async () => {
    const { client, engines } = setup();
    const progress: LoadProgress[] = [];
    const info = await client.load(SPEC, { onProgress: (p) => progress.push(p) });
    expect(info).toMatchObject({ engine: 'webllm', modelId: SPEC.modelId, contextWindow: 4096 });
    expect(engines[0]!.config.appConfig).toEqual({ model_list: SPEC.modelList, cacheBackend: 'indexeddb' });
    expect(progress.map((p) => p.phase)).toEqual(['start', 'download', 'download', 'ready', 'ready']);
    expect(progress[2]!.totalBytes).toBe(400 * 1024 * 1024);
  });

  it('streams a reply with usage stats and asks web-llm for them', async () => {
    const { client, engines } = setup();
    await client.load(SPEC);
    const pieces: string[] = [];
    const result = await client.generate(HISTORY, { maxNewTokens: 64 }, { onToken: (t) => pieces.push(t) });
    expect(pieces.join('')).toBe('I hear you.');
    expect(result).toMatchObject({ text: 'I hear you.', finishReason: 'stop' });
    expect(result.stats).toMatchObject({
      prefillTokens: 12,
      newTokens: 4,
      decodeTokensPerSecond: 31,
      timeToFirstTokenMs: 50,
    });
    expect(result.stats.webllm).toMatchObject({ prefill_tokens_per_s: 240, decode_tokens_per_s: 31 });
    expect(engines[0]!.requests[0]).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 64,
      messages: HISTORY,
    });
  });

  it('stops on interrupt and keeps the partial reply', async () => {
    const { client } = setup();
    await client.load(SPEC);
    let n = 0;
    const result = await client.generate(
      HISTORY,
      { maxNewTokens: 64 },
      {
        onToken: () => {
          if (++n === 2) void client.interrupt();
        },
      },
    );
    expect(result.finishReason).toBe('interrupted');
    expect(result.text).toBe('I hear');
  });

  it('lets web-llm keep its cache when the conversation only grows, and resets it after an edit', async () => {
    const { client, engines } = setup();
    await client.load(SPEC);
    const first = await client.generate(HISTORY, { maxNewTokens: 8 });
    const next = [
      ...HISTORY,
      { role: 'assistant' as const, content: first.text },
      { role: 'user' as const, content: 'More' },
    ];
    const second = await client.generate(next, { maxNewTokens: 8 });
    expect(second.stats.cache).toBe('reused');
    expect(engines[0]!.resets).toBe(0);
    const edited = await client.generate([HISTORY[0]!, { role: 'user', content: 'Other' }], {
      maxNewTokens: 8,
    });
    expect(edited.stats.cache).toBe('fresh');
    expect(engines[0]!.resets).toBe(1);
  });

  it('fails a load with a named error, and retries after removing what the failure left in the cache', async () => {
    const { client, deleted, workers } = setup({ failReload: 'TypeError: Failed to fetch' });
    await expect(client.load(SPEC)).rejects.toBeInstanceOf(NetworkError);
    expect(workers[0]!.terminated).toBe(true);
    await expect(client.retryLoad(SPEC)).resolves.toMatchObject({ modelId: SPEC.modelId });
    expect(deleted).toEqual([SPEC.modelId]);
  });

  it('reports a missing shader-f16 so the UI can offer the q4f32 model', async () => {
    const { client } = setup({ failReload: WEBLLM_ERRORS.shaderF16 });
    await expect(client.load(SPEC)).rejects.toBeInstanceOf(ShaderF16MissingError);
  });

  it('turns a worker crash mid-reply into WorkerCrashedError', async () => {
    const { client, workers } = setup();
    await client.load(SPEC);
    const reply = client.generate(
      HISTORY,
      { maxNewTokens: 64 },
      { onToken: () => workers[0]!.crash('Out of memory') },
    );
    await expect(reply).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(workers[0]!.terminated).toBe(true);
    await expect(client.generate(HISTORY, { maxNewTokens: 8 })).rejects.toBeInstanceOf(ModelNotLoadedError);
  });

  it('cancels a download when disposed', async () => {
    const { client, workers } = setup();
    const loading = client.load(SPEC);
    await tick();
    client.dispose();
    await expect(loading).rejects.toBeInstanceOf(InterruptedError);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('answers "is it downloaded" and deletes for the model manager', async () => {
    const { client, cached, deleted } = setup();
    cached.add(SPEC.modelId);
    expect(await client.hasModelInCache(SPEC)).toBe(true);
    await client.deleteModel(SPEC);
    expect(deleted).toEqual([SPEC.modelId]);
    expect(await client.hasModelInCache(SPEC)).toBe(false);
  });
});

describe('extendsConversation', () => {
  it('is true only when every earlier message is unchanged', () => {
    const a: ChatMessage[] = [
      { role: 'system', content: 's' },
      { role: 'user', content: 'u' },
      { role: 'assistant', content: 'a' },
    ];
    expect(extendsConversation(a, [...a, { role: 'user', content: 'n' }])).toBe(true);
    expect(
      extendsConversation(a, [a[0]!, { role: 'user', content: 'U' }, a[2]!, { role: 'user', content: 'n' }]),
    ).toBe(false);
    expect(extendsConversation([], a)).toBe(false);
  });
});
