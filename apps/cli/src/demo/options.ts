/**
 * `lantern demo` options. The demo port may also come from LANTERN_DEMO_PORT:
 * the command passes its environment in (the only variable read here; every
 * service setting comes from loadConfig()).
 */
import { DEFAULT_SEED } from './generator.js';

export interface DemoOptions {
  /** Keep the API and the worker running after the pipeline (Ctrl-C stops them). */
  serve: boolean;
  seed: number;
  /** Fixed API port; undefined: 3000 when free, else any free port. */
  port?: number;
  /** Generator size overrides (development and tests). */
  interviews?: number;
  /** Seconds to wait for /health/ready. */
  readyTimeoutS: number;
  /** Seconds an import may go without progress before the demo fails. */
  importStallTimeoutS: number;
  help: boolean;
}

export const DEMO_USAGE = `usage: lantern demo [--serve] [--seed N] [--port N] [--interviews N]

Loads a generated sample supply chain through the real import pipeline and
writes out/demo-summary.json.

  --serve            keep the API and the worker running; print the URL and the API keys
  --seed N           generator seed (default ${DEFAULT_SEED}); the same seed gives the same data
  --port N           API port (default: LANTERN_DEMO_PORT, else 3000 when free, else a free port)
  --interviews N     number of worker interviews to generate (default 20000)
  --ready-timeout S  seconds to wait for the API to become ready (default 90)
`;

function intArg(name: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw new Error(`${name} needs a whole number; got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`${name} must be between ${min} and ${max}; got ${n}`);
  return n;
}

export function parseDemoOptions(args: readonly string[], env: Readonly<Record<string, string | undefined>>): DemoOptions {
  const o: DemoOptions = { serve: false, seed: DEFAULT_SEED, readyTimeoutS: 90, importStallTimeoutS: 300, help: false };
  const envPort = env.LANTERN_DEMO_PORT;
  if (envPort !== undefined && envPort !== '') o.port = intArg('LANTERN_DEMO_PORT', envPort, 1, 65535);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '--serve': o.serve = true; break;
      case '--seed': o.seed = intArg('--seed', value(), 0, 0xffffffff); break;
      case '--port': o.port = intArg('--port', value(), 1, 65535); break;
      case '--interviews': o.interviews = intArg('--interviews', value(), 100, 5_000_000); break;
      case '--ready-timeout': o.readyTimeoutS = intArg('--ready-timeout', value(), 1, 3600); break;
      case '-h': case '--help': o.help = true; break;
      default: throw new Error(`unknown option ${JSON.stringify(a)}\n\n${DEMO_USAGE}`);
    }
  }
  return o;
}
