/** Shared test helpers: temp dirs, running the CLI from source, the ../shared location. */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const seedsDir = join(sharedDir, 'seeds');
/** A test that needs ../shared skips with this visible reason in a user's clone. */
export const needsShared = existsSync(sharedDir) ? false : 'needs ../shared (absent in this clone)';

export function tempDir(prefix = 'parallax-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

const cliEntry = join(repoRoot, 'src', 'cli', 'main.ts');

/** Run `parallax <args>` from source and wait for it. */
export function runCli(args: string[], options: { input?: string | Buffer; cwd?: string; timeoutMs?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', cliEntry, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 << 20,
    env: { ...process.env, PARALLAX_DB: '' },
  });
}

/** Start `parallax <args>` without waiting (for kill tests). */
export function startCli(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', cliEntry, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Start a test HTTP server on a free loopback port; returns its base URL ("http://127.0.0.1:PORT"). */
export async function listenOnLoopback(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Close a test server at once, cutting the connections a test left waiting (a request never answered). */
export function closeNow(server: Server): void {
  server.closeAllConnections();
  server.close();
}
