/**
 * @lantern/domain: pure types, vocabularies and rules shared by every app and
 * lib. No Nest, no TypeORM, no I/O (node:crypto only, in privacy.ts).
 */
export * from './enums.js';
export * from './errors.js';
export * from './countries.js';
export * from './currencies.js';
export * from './money.js';
export * from './indicators.js';
export * from './interview-questions.js';
export * from './fees.js';
export * from './privacy.js';
export * from './jobs/queues.js';
