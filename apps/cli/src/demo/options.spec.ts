import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SEED } from './generator.js';
import { parseDemoOptions } from './options.js';

describe('parseDemoOptions', () => {
  it('defaults: no serve, default seed, port chosen at run time', () => {
    const o = parseDemoOptions([], {});
    expect(o).toMatchObject({ serve: false, seed: DEFAULT_SEED, help: false });
    expect(o.port).toBeUndefined();
  });

  it('reads flags in both --flag value and --flag=value forms', () => {
    const o = parseDemoOptions(['--serve', '--seed', '7', '--port=4100', '--interviews', '500'], {});
    expect(o).toMatchObject({ serve: true, seed: 7, port: 4100, interviews: 500 });
  });

  it('takes the port from LANTERN_DEMO_PORT unless --port is given', () => {
    expect(parseDemoOptions([], { LANTERN_DEMO_PORT: '3999' }).port).toBe(3999);
    expect(parseDemoOptions(['--port', '4001'], { LANTERN_DEMO_PORT: '3999' }).port).toBe(4001);
    expect(parseDemoOptions([], { LANTERN_DEMO_PORT: '' }).port).toBeUndefined();
  });

  it('rejects unknown options and bad numbers with a clear message', () => {
    expect(() => parseDemoOptions(['--fast'], {})).toThrow(/unknown option "--fast"/);
    expect(() => parseDemoOptions(['--port', 'abc'], {})).toThrow(/--port needs a whole number/);
    expect(() => parseDemoOptions(['--port', '70000'], {})).toThrow(/between 1 and 65535/);
    expect(() => parseDemoOptions([], { LANTERN_DEMO_PORT: 'x' })).toThrow(/LANTERN_DEMO_PORT/);
  });
});
