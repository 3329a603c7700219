import { InitialSchema1763830000000 } from './1763830000000-initial-schema.js';
import { ReferenceData1763840000000 } from './1763840000000-reference-data.js';

/** Every migration, in order. New migrations are appended here (explicit list: no globbing in ESM). */
export const MIGRATIONS = [InitialSchema1763830000000, ReferenceData1763840000000];
