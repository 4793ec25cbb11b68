/* `npm run bench`: side-by-side measurements in one run, printed as ratios. Not a test: nothing here fails a build. */
import 'reflect-metadata';
import { benchCa } from './ca.bench';
import { benchCliStart } from './cli-start.bench';
import { benchPkcs12 } from './pkcs12.bench';
import { benchProbe } from './probe.bench';
import { benchVault } from './vault.bench';
import type { BenchRow } from './types';

function print(rows: BenchRow[]): void {
  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
  const table = rows.map((r) => ({
    benchmark: r.name,
    ours: `${fmt(r.ours)} ${r.unit}`,
    reference: `${fmt(r.reference)} ${r.unit}`,
    'ratio (ours better > 1)': `${r.ratio.toFixed(2)}×`,
    goal: r.goal,
  }));
  console.table(table);
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  rows.push(...(await benchPkcs12()));
  rows.push(...benchCliStart());
  rows.push(...(await benchCa()));
  rows.push(...(await benchVault()));
  rows.push(...(await benchProbe()));
  print(rows);
}

void main();
