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

/** in run order; `npx tsx test/bench/run.ts probe vault` runs only the named ones */
const BENCHES: Record<string, () => BenchRow[] | Promise<BenchRow[]>> = {
  pkcs12: benchPkcs12,
  'cli-start': benchCliStart,
  ca: benchCa,
  vault: benchVault,
  probe: benchProbe,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`unknown bench ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  const rows: BenchRow[] = [];
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (wanted.length === 0 || wanted.includes(name)) rows.push(...(await bench()));
  }
  print(rows);
}

void main();
