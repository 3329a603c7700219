import type { ValueTransformer } from 'typeorm';

/** bigint / numeric columns come back from node-pg as strings; money in minor units stays within 2^53. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
