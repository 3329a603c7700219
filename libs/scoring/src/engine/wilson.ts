/**
 * Wilson score interval for a binomial proportion (Wilson 1927):
 *
 *   centre = (p + z^2 / 2n) / (1 + z^2 / n)
 *   half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2)
 *
 * with p = k / n and z = 1.959964 for 95 %. Unlike the normal approximation it
 * stays inside [0, 1] and is informative at k = 0 and k = n (0/10 gives
 * [0, 0.2775]). With n = 0 there is no information: [0, 1].
 */
import { DomainError } from '@lantern/domain';

export const Z_95 = 1.959963984540054;

export interface Proportion {
  readonly k: number;
  readonly n: number;
  /** k / n (0 when n = 0). */
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
}

export function wilsonInterval(k: number, n: number, z = Z_95): Proportion {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw DomainError.validation([{ field: 'k', reason: `needs integers with 0 <= k <= n; got k=${k}, n=${n}` }]);
  }
  if (n === 0) return { k, n, rate: 0, lower: 0, upper: 1 };
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    k,
    n,
    rate: p,
    lower: k === 0 ? 0 : Math.max(0, centre - half),
    upper: k === n ? 1 : Math.min(1, centre + half),
  };
}
