import { createHash } from 'node:crypto';
import type { PayloadType } from '../model.js';

/**
 * Content id of a record: first 32 hex chars of sha256(type + "\n" + bytes).
 * The type is part of the hash so the same bytes read as HTML and as text stay distinct documents;
 * everything else (path, URL, time) is left out so re-ingesting the same bytes is a no-op.
 */
export function recordId(type: PayloadType, bytes: Uint8Array): string {
  return createHash('sha256').update(type + '\n').update(bytes).digest('hex').slice(0, 32);
}
