import { describe, expect, it } from '@jest/globals';
import { wilsonInterval } from './wilson.js';

describe('wilsonInterval (95 %)', () => {
  // Textbook values (Wilson score interval, z = 1.96; e.g. Newcombe 1998, Brown, Cai & DasGupta 2001).
  it.each([
    [0, 10, 0, 0.2775],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
    [1, 10, 0.0179, 0.4042],
    [81, 263, 0.2553, 0.3662],
    [0, 1, 0, 0.7935],
  ])('%i of %i -> [%f, %f]', (k, n, lower, upper) => {
    const ci = wilsonInterval(k, n);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
    expect(ci.rate).toBeCloseTo(k / n, 10);
  });

  it('has no information at n = 0', () => {
    expect(wilsonInterval(0, 0)).toEqual({ k: 0, n: 0, rate: 0, lower: 0, upper: 1 });
  });

  it('is symmetric: k of n mirrors n - k of n', () => {
    const a = wilsonInterval(3, 17);
    const b = wilsonInterval(14, 17);
    expect(a.lower).toBeCloseTo(1 - b.upper, 12);
    expect(a.upper).toBeCloseTo(1 - b.lower, 12);
  });

  it.each([
    [-1, 10],
    [11, 10],
    [1.5, 10],
  ])('rejects k=%d, n=%d', (k, n) => {
    expect(() => wilsonInterval(k, n)).toThrow(/0 <= k <= n/);
  });
});
