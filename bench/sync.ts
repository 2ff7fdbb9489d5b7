import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { OutboxAppender } from '../src-main/outbox/outbox';
import { SyncWorker } from '../src-main/sync/sync-worker';
import { initializedStation, tempDir } from './fixtures';

/**
 * Delivery to the platform simulator on loopback (simulator in its own process, as a platform would be):
 * a backlog of 10,000 registration events drained, at two batch sizes; then the CPU an idle station
 * (browser mode, linked, empty outbox) uses over 60 s.
 */
const BACKLOG = 10_000;
const IDLE_SECONDS = 60;
const SETTLE_SECONDS = 45;
const SECRET = Buffer.alloc(32, 9).toString('base64');
const ROOT = path.resolve(__dirname, '..');

function startSimulator(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'out/main/platform-sim.js'), '--port', '0', '--db', path.join(dir, 'platform.sqlite'), '--seed-station', `BENCH-01:${SECRET}`], {
    env: { ...process.env, CIVREG_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve({ url: m[0], child });
    });
    child.on('exit', (code) => reject(new Error(`simulator exited (${code})`)));
  });
}

/** Registration events as the counter writes them, each its own record. */
function seedBacklog(app: ReturnType<typeof initializedStation>['app'], offset: number): void {
  const outbox = new OutboxAppender(app.database.sqlite);
  const at = new Date().toISOString();
  app.database.sqlite.transaction(() => {
    for (let i = 0; i < BACKLOG; i++) {
      const certificateNumber = `J442000-2026-${String(offset + i + 1).padStart(6, '0')}`;
      const seq = String(offset + i).padStart(7, '0');
      outbox.append(
        {
          eventType: 'marriage.registered',
          recordType: 'marriage',
          recordId: certificateNumber,
          payload: {
            certificateNumber,
            registeredOn: '2026-11-23',
            authority: '442000',
            parties: [
              { name: '张伟', sex: 'male', nationality: '中国', birthDate: '1990-03-07', documentType: 'resident-id', idNumber: `4420001990${seq}1` },
              { name: '李娜', sex: 'female', nationality: '中国', birthDate: '1992-06-11', documentType: 'resident-id', idNumber: `4420001992${seq}2` },
            ],
          },
        },
        1,
        at,
      );
    }
  })();
}

function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (USER_HZ, 100 on Linux)
}

export interface SyncBench {
  backlog: number;
  drains: { batchSize: number; seconds: number; eventsPerSec: number }[];
  idleSeconds: number;
  idleCpuMs: number;
  idleCpuPercent: number;
}

export async function benchSync(): Promise<SyncBench> {
  const dir = tempDir('sync');
  const sim = await startSimulator(dir);
  const dataDir = path.join(dir, 'station');
  fs.mkdirSync(dataDir);
  const { app, session } = initializedStation(dataDir);
  app.call('sync.configure', { url: sim.url, secret: SECRET, blockSize: 100 }, session);
  const drains: SyncBench['drains'] = [];
  try {
    for (const [i, batchSize] of [500, 100].entries()) {
      const worker = new SyncWorker(app, { batchSize });
      await worker.runOnce(); // leases and setup's own events: not part of the figure
      seedBacklog(app, i * BACKLOG);
      const t0 = performance.now();
      if (!(await worker.runOnce())) throw new Error(`drain failed: ${app.platform.lastError}`);
      const seconds = (performance.now() - t0) / 1000;
      await worker.stop();
      const left = (app.database.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE status <> 'delivered'").get() as { n: number }).n;
      if (left) throw new Error(`${left} events not delivered`);
      drains.push({ batchSize, seconds, eventsPerSec: Math.round(BACKLOG / seconds) });
    }
  } finally {
    app.close();
  }
  // Idle: the station as it runs (browser mode, sync worker started), outbox empty, platform up.
  const station = spawn(process.execPath, [path.join(ROOT, 'bin/civreg.mjs'), 'serve', '--data-dir', dataDir, '--port', '0'], { env: { ...process.env, CIVREG_QUIET: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve) => station.stdout!.on('data', (c: Buffer) => c.toString().includes('http://') && resolve()));
    // Start-up is not idling: the first sync round, and V8's post-start garbage collections (about
    // 100 ms of CPU within the first minute, measured with sync off too) are let pass first.
    await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
    const before = cpuTicks(station.pid!);
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const idleCpuMs = (cpuTicks(station.pid!) - before) * 10;
    return { backlog: BACKLOG, drains, idleSeconds: IDLE_SECONDS, idleCpuMs, idleCpuPercent: (idleCpuMs / (IDLE_SECONDS * 1000)) * 100 };
  } finally {
    station.kill('SIGTERM');
    sim.child.kill('SIGTERM');
  }
}
