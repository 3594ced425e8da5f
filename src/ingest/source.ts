import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { IngestItem, RawOrigin } from '../model.js';
import { errorMessage, fsErrorCode, ingestError } from './errors.js';

/**
 * A place bytes come from: a file on disk or a stream (stdin, a gunzipped file). Readers only see
 * this, so every reader works the same on files and on stdin.
 */
export interface ByteSource {
  /** Path for RawOrigin.path: the file path, or "-" for stdin. */
  path: string;
  /** The file on disk when there is one (lets whole-document readers stat and read in one go). */
  file: string | null;
  /** The bytes as a stream. Call at most once per source. */
  open(): AsyncIterable<Uint8Array>;
  /**
   * Stop reading a document that is over the size limit instead of draining it: right for a
   * network body (a hostile server may send gigabytes), wrong for a pipe (the writer would fail).
   */
  cancellable?: boolean;
}

/** 1 MiB reads: few syscalls on big WARCs, little memory per open file. */
const CHUNK = 1024 * 1024;

export function fileSource(path: string): ByteSource {
  return { path, file: path, open: () => createReadStream(path, { highWaterMark: CHUNK }) };
}

/** A source that is a stream (stdin, gunzipped data). `open` runs lazily, once. */
export function streamSource(
  path: string,
  stream: AsyncIterable<Uint8Array> | (() => AsyncIterable<Uint8Array>),
  cancellable = false,
): ByteSource {
  let opened = false;
  return {
    path,
    file: null,
    cancellable,
    open() {
      if (opened) throw new Error(`stream source ${path} can only be read once`);
      opened = true;
      return typeof stream === 'function' ? stream() : stream;
    },
  };
}

/** Release a stream source nobody is going to read (a file source holds nothing until opened). */
export async function discardSource(src: ByteSource): Promise<void> {
  if (src.file !== null) return;
  try {
    await src.open()[Symbol.asyncIterator]().return?.();
  } catch {
    // already opened and consumed by someone else, or failed: nothing left to release
  }
}

export function concatBytes(chunks: Uint8Array[], size?: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const total = size ?? chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Read at least `n` leading bytes (fewer at end of stream) without losing them: `rest` replays the
 * head and then continues the stream. `rest.return()` closes the underlying stream at any point —
 * before the first read too, which a generator could not do — so readers can always release it.
 */
export async function peek(
  stream: AsyncIterable<Uint8Array>,
  n: number,
): Promise<{ head: Uint8Array; rest: AsyncIterableIterator<Uint8Array> }> {
  const it = stream[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    chunks.push(r.value);
    size += r.value.length;
  }
  const head = concatBytes(chunks, size);
  let headSent = head.length === 0;
  const rest: AsyncIterableIterator<Uint8Array> = {
    [Symbol.asyncIterator]() {
      return rest;
    },
    async next() {
      if (!headSent) {
        headSent = true;
        return { value: head, done: false };
      }
      if (done) return { value: undefined, done: true };
      const r = await it.next();
      if (r.done) done = true;
      return r;
    },
    async return() {
      headSent = true;
      if (!done) {
        done = true;
        await it.return?.();
      }
      return { value: undefined, done: true };
    },
  };
  return { head, rest };
}

/** `size` is the whole size, or (`cut`) the bytes read before a cancellable source was left. */
export type CappedRead = { ok: true; bytes: Uint8Array } | { ok: false; size: number; cut?: boolean };

/**
 * All bytes of a source, unless there are more than `maxBytes`: then only the size is reported and
 * the bytes are never held (a file is judged by its size alone; a stream is drained and counted).
 */
export async function readCapped(src: ByteSource, maxBytes: number): Promise<CappedRead> {
  if (src.file !== null) {
    const fh = await open(src.file, 'r');
    try {
      const { size } = await fh.stat();
      if (size > maxBytes) return { ok: false, size };
      const bytes = await fh.readFile();
      // The file may have grown between stat and read.
      if (bytes.length > maxBytes) return { ok: false, size: bytes.length };
      return { ok: true, bytes };
    } finally {
      await fh.close();
    }
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of src.open()) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
    else if (src.cancellable) return { ok: false, size, cut: true }; // leaving the loop releases the stream
    else chunks.length = 0; // keep draining so the producer is not left blocked, but hold nothing
  }
  if (size > maxBytes) return { ok: false, size };
  return { ok: true, bytes: concatBytes(chunks, size) };
}

/** Gunzip a stream (multi-member gzip included). A cut stream fails with isTruncation(err) true. */
export function gunzipStream(stream: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  // pipeline destroys every stream with the first error, so iterating `gunzip` rethrows it.
  pipeline(Readable.from(stream), gunzip, () => undefined);
  return gunzip;
}

/**
 * The first bytes of a source, and a source that still yields everything: a file is simply read
 * twice (cheap, and keeps the whole-file fast path); a stream is peeked and replayed.
 */
export async function sniffHead(src: ByteSource, n: number): Promise<{ head: Uint8Array; source: ByteSource }> {
  if (src.file !== null) {
    const fh = await open(src.file, 'r');
    try {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await fh.read(buf, 0, n, 0);
      return { head: buf.subarray(0, bytesRead), source: src };
    } finally {
      await fh.close();
    }
  }
  const { head, rest } = await peek(src.open(), n);
  return { head, source: streamSource(src.path, rest, src.cancellable) };
}

/**
 * Open a source, read its first `headBytes`, and hand head and rest to a reader body; the file is released
 * on every way out (done, error, or a consumer that stops early). An unreadable file is one error item.
 */
export async function* withHead(
  src: ByteSource,
  reader: RawOrigin['reader'],
  headBytes: number,
  body: (head: Uint8Array, rest: AsyncIterable<Uint8Array>) => AsyncGenerator<IngestItem>,
): AsyncGenerator<IngestItem> {
  let head: Uint8Array;
  let rest: AsyncIterableIterator<Uint8Array>;
  try {
    ({ head, rest } = await peek(src.open(), headBytes));
  } catch (err) {
    yield ingestError({ path: src.path, reader }, fsErrorCode(err, true), errorMessage(err));
    return;
  }
  try {
    yield* body(head, rest);
  } finally {
    await rest.return?.();
  }
}
