export * from './parsers.js';
export * from './loader.js';
export * from './shipped.js';
