import { answerRules } from './answers.js';
import type { RuleModule } from './context.js';
import { childRules, contractRules } from './contracts.js';
import { documentRules } from './documents.js';
import { feeRules } from './fees.js';
import { tiedVisaRules } from './tied-visa.js';

/** Evaluation order, which is also the order of indicators in an assessment (same as RULES). */
export const RULE_MODULES: readonly RuleModule[] = [feeRules, documentRules, tiedVisaRules, contractRules, childRules, answerRules];
