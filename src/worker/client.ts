/** The pages' side of the worker protocol: typed calls, errors re-thrown, nothing left hanging. */
import type {
  WorkerProgressMessage,
  WorkerProgressOf,
  WorkerProtocol,
  WorkerRequestName,
  WorkerResponseMessage,
} from './protocol.js';

export interface CallOptions<K extends WorkerRequestName> {
  transfer?: Transferable[];
  /** Called with each progress report the worker sends before the response. */
  onProgress?: (progress: WorkerProgressOf<K>) => void;
}

export interface AggregateClient {
  call<K extends WorkerRequestName>(
    name: K,
    request: WorkerProtocol[K]['request'],
    options?: Transferable[] | CallOptions<K>,
  ): Promise<WorkerProtocol[K]['response']>;
  terminate(): void;
}

function isProgress(data: WorkerResponseMessage | WorkerProgressMessage): data is WorkerProgressMessage {
  return 'progress' in data;
}

/** A client whose worker starts on the first call: a page that never asks (a popup closed at once) starts none. */
export function createAggregateClient(): AggregateClient {
  let worker: Worker | null = null;
  const pending = new Map<
    number,
    {
      resolve: (value: unknown) => void;
      reject: (error: Error) => void;
      onProgress?: ((progress: never) => void) | undefined;
    }
  >();
  let nextId = 1;
  function started(): Worker {
    if (worker !== null) return worker;
    worker = new Worker(new URL('./aggregate-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener(
      'message',
      (event: MessageEvent<WorkerResponseMessage | WorkerProgressMessage>) => {
        const waiting = pending.get(event.data.id);
        if (waiting === undefined) return;
        if (isProgress(event.data)) {
          waiting.onProgress?.(event.data.progress as never);
          return;
        }
        pending.delete(event.data.id);
        if (event.data.ok) waiting.resolve(event.data.response);
        else waiting.reject(new Error(event.data.error));
      },
    );
    worker.addEventListener('error', (event) => {
      const error = new Error(`The aggregation worker failed: ${event.message || 'unknown error'}`);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
    return worker;
  }
  return {
    call(name, request, options = []) {
      const id = nextId++;
      const { transfer = [], onProgress } = Array.isArray(options) ? { transfer: options } : options;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
        started().postMessage({ id, name, request }, transfer);
      });
    },
    terminate() {
      worker?.terminate();
      worker = null;
    },
  };
}
