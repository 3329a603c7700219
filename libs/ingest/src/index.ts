/**
 * @lantern/ingest: the import pipeline (ARCHITECTURE.md data flow 1). Parsing
 * (streaming CSV / NDJSON, strict UTF-8), row validation per kind, and bulk
 * loading (COPY into staging + upsert) on node-postgres. No Nest: the API,
 * the worker, the CLI, the demo and the benchmark all call these functions.
 */
export * from './errors.js';
export * from './db.js';
export * from './imports-repo.js';
export * from './kinds/columns.js';
export * from './kinds/kind-spec.js';
export { KIND_SPECS } from './kinds/index.js';
export { readAnswers, readFees, INTERVIEW_COLUMNS, INTERVIEW_TRI_COLUMNS } from './kinds/interviews.js';
export * from './load/copy-text.js';
export * from './parse/csv-parser.js';
export * from './parse/ndjson-splitter.js';
export * from './parse/rows.js';
export * from './parse/utf8.js';
export * from './parse/copy-binary.js';
export * from './store/store-import.js';
export * from './run/run-import.js';
export * from './secrets.js';
