import { describe, expect, it } from '@jest/globals';
import { jsonErrorReason } from './run-import.js';

function reasonFor(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return jsonErrorReason((err as Error).message);
  }
  throw new Error('valid JSON');
}

describe('jsonErrorReason', () => {
  it.each<[string, string]>([
    ['{"name": "Ram Bahadur", "country": }', 'is not valid JSON: unexpected "}"'],
    ['{"a":1', "is not valid JSON: expected ',' or '}' after property value (at character 7)"],
    ['{a:1}', "is not valid JSON: expected property name or '}' (at character 2)"],
  ])('%s', (text, reason) => {
    expect(reasonFor(text)).toBe(reason);
    expect(reasonFor(text)).not.toContain('Ram');
  });
});
