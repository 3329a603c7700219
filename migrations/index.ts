import { InitialSchema1763830000000 } from './1763830000000-initial-schema.js';
import { ReferenceData1763840000000 } from './1763840000000-reference-data.js';
import { RiskScoring1763850000000 } from './1763850000000-risk-scoring.js';
import { Screening1763860000000 } from './1763860000000-screening.js';
import { ScreeningFkIndexes1763860000001 } from './1763860000001-screening-fk-indexes.js';
import { Reports1763870000000 } from './1763870000000-reports.js';
import { AuditTrail1763880000000 } from './1763880000000-audit-trail.js';
import { EncryptedUploadChunks1763890000000 } from './1763890000000-encrypted-upload-chunks.js';
import { ListOrderIndexes1763900000000 } from './1763900000000-list-order-indexes.js';
import { ScreeningLz41763900000001 } from './1763900000001-screening-lz4.js';

/** Every migration, in order. New migrations are appended here (explicit list: no globbing in ESM). */
export const MIGRATIONS = [
  InitialSchema1763830000000,
  ReferenceData1763840000000,
  RiskScoring1763850000000,
  Screening1763860000000,
  ScreeningFkIndexes1763860000001,
  Reports1763870000000,
  AuditTrail1763880000000,
  EncryptedUploadChunks1763890000000,
  ListOrderIndexes1763900000000,
  ScreeningLz41763900000001,
];
