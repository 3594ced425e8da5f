/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temporary directory, start it on a free
 * loopback port with its socket in that directory, hand back a postgres:// URL, and remove it all on
 * stop(). Nothing is shared with a system-wide PostgreSQL, so tests can run in parallel and on CI.
 *
 * When the binaries (or, as root, the unprivileged `postgres` user) are missing, the result is
 * `{ skip: 'why' }`, so a test can skip with a visible message instead of failing. On Debian/Ubuntu,
 * scripts/setup-postgres.sh installs them.
 */
import { execFile, spawnSync } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import pg from 'pg';

export interface TempCluster {
  /** Connection URL of the cluster's `postgres` database, as the trusted superuser `parallax`. */
  url: string;
  /** Stop the server at once (no checkpoint: the data is thrown away) and remove its directory. */
  stop(): Promise<void>;
}

/** The user initdb creates as superuser; trust authentication, loopback only. */
const SUPERUSER = 'parallax';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The directory holding initdb and pg_ctl: from PATH first (following symlinks, so both come from
 * the same installation), else the newest /usr/lib/postgresql/<version>/bin (Debian keeps them off PATH).
 */
function findPostgresBin(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const initdb = join(dir, 'initdb');
    if (!isExecutable(initdb)) continue;
    const real = dirname(realpathSync(initdb));
    if (isExecutable(join(real, 'pg_ctl'))) return real;
    if (isExecutable(join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = join(root, v, 'bin');
    if (isExecutable(join(bin, 'initdb')) && isExecutable(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

interface RunResult {
  code: number;
  output: string;
}

function run(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}`.trim() });
    });
  });
}

/** A port the kernel just handed out on 127.0.0.1 (free a moment ago; start() retries if taken since). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

/**
 * How to run the server binaries. initdb and postgres refuse to run as root, so as root they run as
 * the `postgres` system user via runuser, and the directory is handed to that user first.
 */
function runAs(): { wrap: (bin: string, args: string[]) => [string, string[]]; chown?: { uid: number; gid: number } } | { skip: string } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { wrap: (bin, args) => [bin, args] };
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(isExecutable);
  if (!runuser) return { skip: 'running as root and runuser is missing (initdb refuses root)' };
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return { skip: 'running as root and there is no `postgres` user to run initdb as' };
  return {
    wrap: (bin, args) => [runuser, ['-u', 'postgres', '--', bin, ...args]],
    chown: { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) },
  };
}

/**
 * Where to make the cluster's directory: the temp dir, unless the server (run as `postgres`) could not
 * reach into it, or its path is too long for the Unix socket the server puts there (sun_path holds
 * 107 bytes, and the socket is DIR/parallax-pg-XXXXXX/.s.PGSQL.<port>).
 */
function clusterParent(asOtherUser: boolean): string {
  const base = tmpdir();
  const reachable = !asOtherUser || (statSync(base).mode & 0o001) !== 0;
  const shortEnough = base.length + '/parallax-pg-XXXXXX/.s.PGSQL.65535'.length <= 100;
  return reachable && shortEnough ? base : '/tmp';
}

/** Clusters still running, stopped synchronously if the test process exits without calling stop(). */
const running = new Set<() => void>();
let exitHookInstalled = false;
function stopAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const stop of running) stop();
  });
}

export async function startTempCluster(): Promise<TempCluster | { skip: string }> {
  const bin = findPostgresBin();
  if (!bin) return { skip: 'PostgreSQL server binaries (initdb, pg_ctl) not found; run scripts/setup-postgres.sh' };
  const as = runAs();
  if ('skip' in as) return as;

  const dir = mkdtempSync(join(clusterParent(as.chown !== undefined), 'parallax-pg-'));
  const data = join(dir, 'data');
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (as.chown) chownSync(dir, as.chown.uid, as.chown.gid);
    // UTF8 whatever the machine's locale (a C locale would otherwise give SQL_ASCII, which does not
    // check or count characters); --no-sync because the data is thrown away.
    const [initCmd, initArgs] = as.wrap(join(bin, 'initdb'), [
      '-D', data, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions',
    ]);
    const init = await run(initCmd, initArgs, 120_000);
    if (init.code !== 0) {
      removeDir();
      return { skip: `initdb failed: ${init.output.split('\n').slice(-3).join(' ')}` };
    }

    const pgCtl = (args: string[]) => as.wrap(join(bin, 'pg_ctl'), args);
    let lastError = '';
    // The free port may be taken between probing and binding; a second port almost always works.
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const options = [
        `-k ${dir}`, `-p ${port}`, '-c listen_addresses=127.0.0.1',
        // A test cluster: durability buys nothing, speed does.
        '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off',
      ].join(' ');
      const [startCmd, startArgs] = pgCtl(['start', '-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', options]);
      const started = await run(startCmd, startArgs, 90_000);
      if (started.code === 0) {
        const [stopCmd, stopArgs] = pgCtl(['stop', '-D', data, '-m', 'immediate', '-w']);
        const stopSync = () => {
          running.delete(stopSync);
          spawnSync(stopCmd, stopArgs, { stdio: 'ignore', timeout: 30_000 });
          removeDir();
        };
        running.add(stopSync);
        stopAllOnExit();
        let stopped = false;
        return {
          url: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`,
          async stop() {
            if (stopped) return;
            stopped = true;
            running.delete(stopSync);
            await run(stopCmd, stopArgs, 30_000);
            removeDir();
          },
        };
      }
      lastError = started.output;
    }
    removeDir();
    return { skip: `pg_ctl start failed: ${lastError.split('\n').slice(-3).join(' ')}` };
  } catch (err) {
    removeDir();
    return { skip: `could not start a temporary PostgreSQL: ${(err as Error).message}` };
  }
}

/**
 * Create database `name` on the server at `serverUrl` (dropping one of that name first with `replace`)
 * and return its URL. The name goes into the SQL text: callers pass names of their own making.
 */
export async function createDatabase(serverUrl: string, name: string, options: { replace?: boolean } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if (options.replace) await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
