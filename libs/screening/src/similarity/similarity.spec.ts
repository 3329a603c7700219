import { describe, it, expect } from '@jest/globals';
import { boundedEditDistance } from './edit-distance.js';
import { blendedIdf, priorNeighbour } from './idf.js';
import { jaro, jaroWinkler } from './jaro-winkler.js';

describe('Jaro-Winkler', () => {
  it('matches the textbook values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });
});

describe('boundedEditDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions, up to a bound', () => {
    expect(boundedEditDistance('korvelin', 'korvelin', 2)).toBe(0);
    expect(boundedEditDistance('korvelin', 'korvelim', 2)).toBe(1);
    expect(boundedEditDistance('korvelin', 'korevlin', 2)).toBe(1);
    expect(boundedEditDistance('eastern', 'vestern', 2)).toBe(2);
    expect(boundedEditDistance('korvelin', 'morvalis', 2)).toBe(3);
  });
});

describe('IDF with a prior', () => {
  it('weighs common trade words low and unknown words high, even in a tiny list', () => {
    expect(blendedIdf('tekstile', 0, 20)).toBeLessThan(4.5);
    expect(blendedIdf('korvelin', 0, 20)).toBeGreaterThan(11);
    // In a large list its own counts dominate.
    expect(blendedIdf('korvelin', 40_000, 1_000_000)).toBeLessThan(4);
  });

  it('recognises a misspelt common word', () => {
    expect(priorNeighbour('knitvare')).toBe('knitvear');
    expect(priorNeighbour('korvelin')).toBeNull();
  });
});
