import { expect } from 'vitest';
import { isStudioError } from '../../electron/common/errors';

/** Deterministic PRNG (mulberry32) so a failing input can be reproduced from its seed and index. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One mutation of a real file: truncation, bit flips, byte overwrites, or an edited DER length field. */
export function mutate(input: Uint8Array, random: () => number): Uint8Array {
  const bytes = new Uint8Array(input);
  const pick = (n: number) => Math.floor(random() * n);
  switch (pick(4)) {
    case 0:
      return bytes.slice(0, pick(bytes.length));
    case 1: {
      const flips = 1 + pick(8);
      for (let i = 0; i < flips; i++) bytes[pick(bytes.length)]! ^= 1 << pick(8);
      return bytes;
    }
    case 2: {
      const at = pick(bytes.length);
      bytes[at] = pick(256);
      return bytes;
    }
    default: {
      // find a DER length byte following a SEQUENCE/OCTET STRING/INTEGER tag and rewrite it
      for (let tries = 0; tries < 32; tries++) {
        const at = pick(Math.max(1, bytes.length - 1));
        if ([0x30, 0x04, 0x02, 0x31, 0xa0, 0x03, 0x06].includes(bytes[at]!)) {
          const choices = [0x00, 0x7f, 0x80, 0x81, 0x82, 0x84, 0xff, pick(256)];
          bytes[at + 1] = choices[pick(choices.length)]!;
          return bytes;
        }
      }
      bytes[pick(bytes.length)] = pick(256);
      return bytes;
    }
  }
}

export interface FuzzStats {
  inputs: number;
  typedErrors: number;
  results: number;
  slowestMs: number;
}

/**
 * Feeds `count` mutations of the seeds to `parse`. Every input must end in a result or a StudioError,
 * within `budgetMs` of CPU time. Anything else fails the test with the seed index, so it can be replayed.
 * CPU time rather than wall time: parsing is synchronous, so a hang still burns CPU and fails, while other
 * test files running on the same cores cannot make a fast parser look slow.
 */
export function fuzz(seeds: Uint8Array[], parse: (bytes: Uint8Array) => unknown, count: number, seed = 1, budgetMs = 200): FuzzStats {
  const random = rng(seed);
  const stats: FuzzStats = { inputs: 0, typedErrors: 0, results: 0, slowestMs: 0 };
  for (let i = 0; i < count; i++) {
    const input = mutate(seeds[i % seeds.length]!, random);
    const start = process.cpuUsage();
    try {
      parse(input);
      stats.results++;
    } catch (error) {
      if (!isStudioError(error)) {
        expect.fail(`input #${i} (seed ${seed}) threw an untyped error: ${String(error)}`);
      }
      stats.typedErrors++;
    }
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    stats.slowestMs = Math.max(stats.slowestMs, ms);
    if (ms > budgetMs) expect.fail(`input #${i} (seed ${seed}) took ${ms.toFixed(0)} ms`);
    stats.inputs++;
  }
  return stats;
}

export const fuzzCount = (): number => Number(process.env.FUZZ_INPUTS ?? 20_000);
