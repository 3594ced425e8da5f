/**
 * The items of `source` until `signal` fires. A reader may be waiting on a slow server when it does:
 * the wait is not awaited, the source is told to close, and iteration ends at once.
 */
export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  if (signal.aborted) return;
  const it = source[Symbol.asyncIterator]();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
  });
  let done = false;
  try {
    for (;;) {
      const next = await Promise.race([it.next(), aborted]);
      if (next === 'aborted') break;
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
      if (signal.aborted) break;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // an async generator runs return() once its pending next() settles: do not wait for that here
    if (!done) it.return?.()?.catch(() => undefined);
  }
}
