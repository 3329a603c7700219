export * from './model/input.js';
export * from './model/model.js';
export * from './model/build.js';
export { CANADA_S211_QUESTIONS } from './model/canada-questions.js';
export { esc, FONT_STACK, headerFooter, renderReportHtml } from './html/template.js';
export * from './renderer/pool.js';
export * from './render.js';
