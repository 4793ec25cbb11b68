/** Latencies into equal-width bins between the fastest and slowest request (at most `bins`). */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

export function histogram(latencies: number[], bins = 24): Bin[] {
  if (latencies.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const value of latencies) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const n = max - min < 1e-9 ? 1 : Math.min(bins, Math.max(1, latencies.length));
  const width = (max - min) / n || 1;
  const out: Bin[] = Array.from({ length: n }, (_, i) => ({
    from: min + i * width,
    to: min + (i + 1) * width,
    count: 0,
  }));
  for (const value of latencies) out[Math.min(n - 1, Math.floor((value - min) / width))]!.count++;
  return out;
}
