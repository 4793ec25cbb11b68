/** One line of `npm run bench`: ours beside a reference measured in the same run. */
export interface BenchRow {
  name: string;
  ours: number;
  reference: number;
  unit: string;
  /** ours-better-than-reference factor (> 1 means ours is better), whatever the unit's direction */
  ratio: number;
  goal: string;
}
