import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchRow } from './types';

const RUNS = 21;

function medianMs(command: string, args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args, { stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

/** Cold start of the built CLI for `inspect` on a PEM, beside bare `node` and `openssl x509 -text` on the same file. */
export function benchCliStart(): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'mtls-bench-'));
  try {
    const pem = join(dir, 'leaf.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', pem, '-subj', '/CN=bench', '-days', '30'], { stdio: 'ignore' });
    const cli = resolve('dist/cli/mtls-studio.cjs');
    const ours = medianMs(process.execPath, [cli, 'inspect', pem, '--json']);
    const bareNode = medianMs(process.execPath, ['-e', '0']);
    const opensslText = medianMs('openssl', ['x509', '-in', pem, '-noout', '-text']);
    return [
      { name: 'CLI cold start: inspect PEM vs bare `node -e 0`', ours, reference: bareNode, unit: 'ms (median)', ratio: bareNode / ours, goal: 'ours < 250 ms' },
      { name: 'CLI cold start: inspect PEM vs `openssl x509 -text`', ours, reference: opensslText, unit: 'ms (median)', ratio: opensslText / ours, goal: 'information only' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
