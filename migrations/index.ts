import { InitialSchema1763830000000 } from './1763830000000-initial-schema.js';

/** Every migration, in order. New migrations are appended here (explicit list: no globbing in ESM). */
export const MIGRATIONS = [InitialSchema1763830000000];
