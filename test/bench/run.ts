/* `npm run bench`: side-by-side measurements in one run, printed as ratios. Not a test: nothing here fails a build. */
import 'reflect-metadata';
import { benchCliStart } from './cli-start.bench';
import { benchPkcs12 } from './pkcs12.bench';
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
  print(rows);
}

void main();
