/**
 * One WARC/1.0 response record holding an HTML page, written by hand (no WARC library in the loop),
 * for benchmarks that generate crawls of thousands of records.
 */
export function warcResponse(i: number, uri: string, html: string): Buffer {
  const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`);
  const head =
    `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\n` +
    `WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}>\r\n` +
    `Content-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
}
