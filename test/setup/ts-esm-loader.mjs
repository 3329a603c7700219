// Node module hooks that let Jest's globalSetup (which runs outside Jest's
// module system, so without its moduleNameMapper and ts-jest) import the
// TypeScript sources: `@lantern/<lib>` -> libs/<lib>/src/index.ts, relative
// `./x.js` -> `./x.ts`, and .ts files transpiled with the project's settings.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

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

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      useDefineForClassFields: false,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
