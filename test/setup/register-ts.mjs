// `node --import ./test/setup/register-ts.mjs apps/worker/src/main.ts` runs the
// TypeScript sources directly (no build): the fault-tolerance suites start the
// real API and worker processes this way. See ts-esm-loader.mjs.
import { register } from 'node:module';

register('./ts-esm-loader.mjs', import.meta.url);
