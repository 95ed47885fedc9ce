/**
 * Runs an `EngineHandler` behind the LLM worker protocol. The worker file only calls this, so the whole
 * message handling is tested in Node with an in-process scope.
 */
import type { LlmRequest, LlmResponse } from '../../workers/llm-protocol';
import type { EngineHandler } from './engine';
import { toLlmError } from './errors';

/** The part of a worker's global scope this needs. */
export interface WorkerScopeLike {
  postMessage(message: LlmResponse): void;
  addEventListener(type: 'message', listener: (event: { data: LlmRequest }) => void): void;
}

/** Answer every request on `scope` with `handler`. Requests run as they arrive, so `interrupt` reaches a
 * running generation between two tokens. */
export function serveLlmWorker(scope: WorkerScopeLike, handler: EngineHandler): void {
  scope.addEventListener('message', (event) => {
    void handleRequest(event.data, handler, (message) => scope.postMessage(message));
  });
}

/** Handle one request, posting its replies. Never throws: failures become `error` replies. */
export async function handleRequest(
  request: LlmRequest,
  handler: EngineHandler,
  post: (message: LlmResponse) => void,
): Promise<void> {
  const { id } = request;
  try {
    switch (request.kind) {
      case 'load': {
        const info = await handler.load(request.spec, (progress) => post({ kind: 'progress', id, progress }));
        post({ kind: 'ready', id, info });
        return;
      }
      case 'generate': {
        const result = await handler.generate(request.messages, request.options, (text) =>
          post({ kind: 'token', id, text }),
        );
        post({ kind: 'complete', id, result });
        return;
      }
      case 'interrupt':
        handler.interrupt();
        post({ kind: 'done', id });
        return;
      case 'reset':
        await handler.reset();
        post({ kind: 'done', id });
        return;
      case 'unload':
        await handler.unload();
        post({ kind: 'done', id });
        return;
    }
  } catch (error) {
    post({ kind: 'error', id, ...toLlmError(error).toData() });
  }
}
