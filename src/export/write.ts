/**
 * Writers for export tables: JSONL, CSV (RFC 4180, via csv-stringify) and TSV.
 *
 * Article text is hostile: a cell starting with "=", "+", "-", "@" (or a tab/CR) is a formula to
 * Excel, LibreOffice and Google Sheets ("CSV injection"). CSV and TSV cells that start so get a
 * leading apostrophe, as OWASP recommends; JSONL is data for programs and stays verbatim.
 */
import { stringify } from 'csv-stringify/sync';
import type { Cell, ExportTable, Row } from './tables.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'tsv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Anything with a write(): process.stdout or a file stream. Returns false to ask for backpressure. */
export interface Sink {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise a spreadsheet formula trigger; numbers stay numbers ("-3" is a number, not a formula). */
export function defuseCell(value: string): string {
  return FORMULA_START.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

function flatCell(v: Cell | object | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return defuseCell(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // nested values (removals) become compact JSON in flat formats
  return defuseCell(JSON.stringify(v));
}

/** TSV has no quoting: tabs and line breaks inside a value become spaces (the convention GDELT uses). */
function tsvCell(v: Cell | object | undefined): string {
  return flatCell(v).replace(/[\t\r\n]+/g, ' ');
}

/** Serialise one row in the given format, with a trailing newline. */
export function formatRow(table: Pick<ExportTable, 'columns'>, row: Row, format: ExportFormat): string {
  if (format === 'jsonl') {
    const ordered: Record<string, unknown> = {};
    for (const c of table.columns) if (c in row) ordered[c] = row[c];
    for (const [k, v] of Object.entries(row)) if (!(k in ordered)) ordered[k] = v;
    return JSON.stringify(ordered) + '\n';
  }
  if (format === 'tsv') return table.columns.map((c) => tsvCell(row[c])).join('\t') + '\n';
  return stringify([table.columns.map((c) => flatCell(row[c]))], { record_delimiter: '\n' });
}

export function formatHeader(table: Pick<ExportTable, 'columns'>, format: ExportFormat): string {
  if (format === 'jsonl') return '';
  if (format === 'tsv') return table.columns.join('\t') + '\n';
  return stringify([table.columns], { record_delimiter: '\n' });
}

/** Stream a table to a sink, honouring backpressure. Returns the number of rows written. */
export async function writeTable(table: ExportTable, format: ExportFormat, sink: Sink): Promise<number> {
  const put = async (s: string) => {
    if (s && !sink.write(s)) await new Promise<void>((resolve) => sink.once('drain', () => resolve()));
  };
  await put(formatHeader(table, format));
  let n = 0;
  for await (const row of table.rows) {
    await put(formatRow(table, row, format));
    n++;
  }
  return n;
}
