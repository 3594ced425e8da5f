/**
 * A small pool of extract worker threads, so ingest uses every core: the main thread reads and stores,
 * workers extract. Each worker runs one document at a time, which lets the pool enforce a per-document
 * time limit: a document that runs too long (a pathological page) gets its worker terminated and replaced,
 * and is reported as a `timeout` failure instead of hanging the batch. A worker that dies (out of memory,
 * a crash in a native module) fails only the document it was working on.
 */
import { Worker } from 'node:worker_threads';
import type { RawRecord } from '../model.js';
import type { DuplicateOptions } from '../similarity/relate-keys.js';
import { prepareRecord, type PrepareOutcome } from './prepare.js';

interface Task {
  seq: number;
  raw: RawRecord;
  resolve: (outcome: PrepareOutcome) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

export interface PoolOptions {
  workers: number;
  duplicates: DuplicateOptions;
  /** Longest time one document may take to extract (and annotate, with `annotate`). */
  timeoutMs: number;
  /** Also compute each document's annotation layers (queue workers spread reading over machines). */
  annotate?: boolean;
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './extract-worker.ts' : './extract-worker.js', import.meta.url);

/**
 * Built, the worker is plain JavaScript. Run from TypeScript sources (tests, benchmarks via tsx), a worker
 * does not inherit the main thread's loader hooks, so it registers tsx itself before loading the entry.
 */
function startWorker(workerData: unknown): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData });
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private seq = 0;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.workers; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = startWorker({ duplicates: this.options.duplicates, annotate: this.options.annotate === true });
    const slot: Slot = { worker, task: null, timer: null };
    worker.on('message', (msg: { seq: number; outcome: PrepareOutcome }) => {
      const task = slot.task;
      if (!task || task.seq !== msg.seq) return;
      this.finish(slot, msg.outcome);
    });
    worker.on('error', (err) => {
      // A worker that fails with no document in hand cannot start at all: stop using workers rather than
      // respawn forever, and extract on the main thread instead.
      if (!slot.task) return this.giveUp(`extract worker failed to start: ${err.message}`);
      this.replace(slot, 'worker-crashed', `extract worker crashed: ${err.message}`);
    });
    worker.on('exit', (code) => {
      if (!this.closed && slot.task) this.replace(slot, 'worker-crashed', `extract worker exited (code ${code})`);
    });
    worker.unref();
    return slot;
  }

  /** Why workers were abandoned (documents are then extracted on the main thread), or null. */
  brokenReason: string | null = null;

  private giveUp(reason: string): void {
    if (this.brokenReason) return;
    this.brokenReason = reason;
    this.closed = true;
    for (const slot of this.slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.worker.removeAllListeners();
      slot.worker.on('error', () => {});
      void slot.worker.terminate();
      if (slot.task) this.queue.unshift(slot.task);
      slot.task = null;
    }
    this.slots.length = 0;
    for (const task of this.queue.splice(0)) task.resolve(this.prepareHere(task.raw));
  }

  /** The work a worker thread would do, on this thread (once workers are abandoned). */
  private prepareHere(raw: RawRecord): PrepareOutcome {
    return prepareRecord(raw, this.options.duplicates, this.options.annotate === true);
  }

  /** Extract one record; resolves with its outcome (never rejects). */
  run(raw: RawRecord): Promise<PrepareOutcome> {
    if (this.brokenReason) return Promise.resolve(this.prepareHere(raw));
    return new Promise((resolve) => {
      this.queue.push({ seq: this.seq++, raw, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(
        () => this.replace(slot, 'timeout', `extraction took longer than ${this.options.timeoutMs} ms`),
        this.options.timeoutMs,
      );
      slot.worker.postMessage({ seq: task.seq, raw: task.raw });
    }
  }

  private finish(slot: Slot, outcome: PrepareOutcome): void {
    const task = slot.task!;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    task.resolve(outcome);
    this.dispatch();
  }

  /** Fail the slot's document and start a fresh worker in its place. */
  private replace(slot: Slot, code: string, message: string): void {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    const old = slot.worker;
    old.removeAllListeners();
    old.on('error', () => {}); // late errors of a worker being torn down are expected
    void old.terminate();
    if (task) task.resolve({ ok: false, error: { origin: task.raw.origin, stage: 'extract', code, message } });
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = this.spawn();
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) if (slot.timer) clearTimeout(slot.timer);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
