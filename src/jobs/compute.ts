import { Worker } from 'node:worker_threads';
import type { Study, StudyResult } from '../model/study.ts';
import { backgroundKey, loadBackgroundInputs } from '../studies/background.ts';
import { getStudy, type Store } from '../store/index.ts';
import { componentIds, MAX_COMPONENT_DEPTH } from '../studies/components.ts';
import type { FromThread, Refusal, ToThread } from './compute-thread.ts';
import { DomainError } from '../model/errors.ts';
import type { CodedMessageData } from '../model/message.ts';
import { loadingBackground } from '../studies/progress.ts';

/**
 * Calculations on worker threads. The main thread reads the study's background from the store
 * (I/O, cheap for the event loop) only when a thread asks for it; the thread builds and keeps it.
 * One calculation per thread at a time; a job waits for a free thread.
 */

/**
 * A calculation that failed on its input (an entry that cannot be costed, a formula, a singular
 * system): retrying cannot help. It carries the thread's refusal (kind, API code and catalogue
 * words), so the failed job shows the reason in the reader's language.
 */
export class CalculationError extends DomainError {
  constructor(
    /** the name of the error class the thread threw */
    readonly thrown: string,
    message: string,
    refusal?: Refusal,
  ) {
    super(
      refusal?.kind ?? 'invalid',
      refusal?.code ?? 'calculation-failed',
      refusal?.text ?? message,
      refusal?.details,
    );
  }
}

interface Slot {
  thread: Worker;
  busy: boolean;
}

interface Pending {
  thread: Worker;
  resolve(r: StudyResult): void;
  reject(e: Error): void;
  progress?(fraction: number, message: CodedMessageData): void;
  retry(): void;
}

/**
 * The thread's entry. Tanji runs its TypeScript through tsx, whose loader Node does not hand on to
 * worker threads, so the thread registers it before importing its module.
 */
const threadModule = new URL('./compute-thread.ts', import.meta.url).href;
const threadBootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(threadModule)}); })`;

/**
 * The studies reachable from `study` through entries that use another study, read from the store
 * here (the thread has none); the thread checks company, releases and loops as componentFootprints
 * does anywhere. The walk stops past MAX_COMPONENT_DEPTH levels, where that check fails anyway.
 */
async function componentStudies(store: Store, study: Study): Promise<Study[]> {
  const found = new Map<string, Study>();
  let level = [study];
  for (let depth = 0; level.length && depth <= MAX_COMPONENT_DEPTH; depth++) {
    const next: Study[] = [];
    for (const parent of level) {
      for (const id of componentIds(parent)) {
        if (found.has(id) || id === study.id) continue;
        const child = await getStudy(store, id);
        if (!child) continue;
        found.set(id, child);
        next.push(child);
      }
    }
    level = next;
  }
  return [...found.values()];
}

export class ComputePool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(readonly size = Math.max(1, Number(process.env.TANJI_COMPUTE_THREADS ?? 1) || 1)) {}

  /** Calculates the study (with the component studies its entries use) on its pinned background in a thread. */
  async calculate(
    store: Store,
    study: Study,
    opts: { iterations: number; seed: number; onProgress?(fraction: number, message: CodedMessageData): void },
  ): Promise<StudyResult> {
    const components = await componentStudies(store, study);
    const slot = await this.acquire();
    const key = `${store.location}\u0000${store.schema ?? ''}\u0000${backgroundKey(study.releases.lci, study.releases.factors, study.method)}`;
    try {
      return await new Promise<StudyResult>((resolve, reject) => {
        const id = this.nextId++;
        const message: ToThread = {
          id,
          type: 'calculate',
          key,
          study,
          components,
          iterations: opts.iterations,
          seed: opts.seed,
        };
        this.pending.set(id, {
          thread: slot.thread,
          resolve,
          reject,
          progress: opts.onProgress,
          retry: () => {
            opts.onProgress?.(0, loadingBackground(study.releases));
            loadBackgroundInputs(store, study.releases.lci, study.releases.factors, study.method).then(
              (inputs) => slot.thread.postMessage({ ...message, inputs }),
              (e: Error) => {
                this.pending.delete(id);
                reject(e);
              },
            );
          },
        });
        slot.thread.postMessage(message);
      });
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.thread.terminate()));
    this.slots.length = 0;
    for (const p of this.pending.values()) p.reject(new Error('the calculation threads were stopped'));
    this.pending.clear();
  }

  private async acquire(): Promise<Slot> {
    if (this.closed) throw new Error('the calculation threads were stopped');
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return free;
    }
    if (this.slots.length < this.size) {
      const slot = { thread: this.spawn(), busy: true };
      this.slots.push(slot);
      return slot;
    }
    await new Promise<void>((r) => this.waiting.push(r));
    return this.acquire();
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  private spawn(): Worker {
    const thread = new Worker(threadBootstrap, { eval: true });
    thread.on('message', (m: FromThread) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.progress?.(m.fraction, m.message);
      else if (m.type === 'need-background') p.retry();
      else {
        this.pending.delete(m.id);
        if (m.type === 'result') p.resolve(m.result);
        else p.reject(new CalculationError(m.name, m.message, m.refusal));
      }
    });
    thread.on('error', (e) => this.crashed(thread, e));
    thread.on(
      'exit',
      (code) =>
        code !== 0 &&
        !this.closed &&
        this.crashed(thread, new Error(`the calculation thread stopped (exit code ${code})`)),
    );
    // after the listeners, which would hold the process open again: an idle thread never does
    thread.unref();
    return thread;
  }

  /** A thread that died takes its calculation with it: that job fails (and is retried); the slot gets a new thread. */
  private crashed(thread: Worker, error: Error): void {
    const i = this.slots.findIndex((s) => s.thread === thread);
    if (i >= 0) this.slots.splice(i, 1);
    for (const [id, p] of this.pending) {
      if (p.thread !== thread) continue;
      this.pending.delete(id);
      p.reject(error);
    }
    this.waiting.shift()?.();
  }
}
