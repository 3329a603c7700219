// Node module hooks that let Jest's globalSetup (which runs outside Jest's
// module system, so without its moduleNameMapper and ts-jest) import the
// TypeScript sources: `@lantern/<lib>` -> libs/<lib>/src/index.ts, relative
// `./x.js` -> `./x.ts`, and .ts files transpiled with the project's settings.
// Also used (through register-ts.mjs) to run the API and the worker as child
// processes from the sources in the fault-tolerance suites (test/faults).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
const LIB_ALIAS = /^@lantern\/([a-z-]+)$/;

export async function resolve(specifier, context, nextResolve) {
  const lib = LIB_ALIAS.exec(specifier);
  if (lib) return { url: new URL(`libs/${lib[1]}/src/index.ts`, ROOT).href, shortCircuit: true };
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

// ts.ModuleKind.ESNext and ts.ScriptTarget.ES2022 (TypeScript itself is loaded only on a cache miss).
const COMPILER_OPTIONS = {
  module: 99,
  target: 9,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
};

// Transpiled output is cached by content (source, path, TypeScript version, options): the fault
// suites start the API and the worker as child processes many times per run.
const CACHE_DIR = new URL('node_modules/.cache/lantern-ts-esm/', ROOT);
const TS_VERSION = JSON.parse(readFileSync(new URL('node_modules/typescript/package.json', ROOT), 'utf8')).version;
const CACHE_SALT = `${TS_VERSION}\0${JSON.stringify(COMPILER_OPTIONS)}`;
let typescript;

async function transpile(path, source) {
  const key = createHash('sha256').update(CACHE_SALT).update('\0').update(path).update('\0').update(source).digest('hex');
  const cached = new URL(`${key}.js`, CACHE_DIR);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    /* not cached yet */
  }
  typescript ??= (await import('typescript')).default;
  const { outputText } = typescript.transpileModule(source, { fileName: path, compilerOptions: COMPILER_OPTIONS });
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = new URL(`${key}.${process.pid}.tmp`, CACHE_DIR);
    writeFileSync(tmp, outputText);
    renameSync(tmp, cached); // atomic: concurrent processes never read a half-written file
  } catch {
    /* a read-only checkout still works, only slower */
  }
  return outputText;
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  return { format: 'module', source: await transpile(path, readFileSync(path, 'utf8')), shortCircuit: true };
}
