/** docs/methodology.md must describe every rule of the catalogue under the current version. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METHODOLOGY_VERSION } from './config.js';
import { RULES } from './rules/definitions.js';

const doc = readFileSync(join(process.cwd(), 'docs', 'methodology.md'), 'utf8');

describe('docs/methodology.md', () => {
  it('states the methodology version', () => {
    expect(doc).toContain(`\`${METHODOLOGY_VERSION}\``);
  });

  it.each(RULES.map((r) => r.id))('documents %s', (id) => {
    expect(doc).toMatch(new RegExp(`\\b${id}\\b`));
  });

  it('lists every interview question read by a generic rule', () => {
    for (const key of RULES.flatMap((r) => r.answerKeys ?? [])) expect(doc).toContain(key);
  });
});
