/**
 * The demo pipeline, in order. Append later stages here (scoring, screenings,
 * reports): each gets the same DemoContext, may use the API keys and the
 * running services, and adds its own section to ctx.summary.
 */
import type { DemoStage } from '../context.js';
import { countsStage } from './counts.stage.js';
import { generateStage } from './generate.stage.js';
import { idempotencyStage } from './idempotency.stage.js';
import { importStage } from './import.stage.js';
import { reportsStage } from './reports.stage.js';
import { resetStage } from './reset.stage.js';
import { scoringStage } from './scoring.stage.js';
import { screeningStage } from './screening.stage.js';
import { servicesStage } from './services.stage.js';

export const DEMO_STAGES: readonly DemoStage[] = [resetStage, servicesStage, generateStage, importStage, idempotencyStage, countsStage, scoringStage, reportsStage, screeningStage];

export { screeningStage, countsStage, scoringStage, reportsStage, generateStage, idempotencyStage, importStage, resetStage, servicesStage };
