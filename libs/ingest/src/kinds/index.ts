import type { ImportKind } from '@lantern/domain';
import { auditsKind } from './audits.js';
import { engagementsKind } from './engagements.js';
import { findingsKind } from './findings.js';
import { interviewsKind } from './interviews.js';
import type { KindSpec } from './kind-spec.js';
import { recruitersKind } from './recruiters.js';
import { sitesKind } from './sites.js';
import { suppliersKind } from './suppliers.js';

/** Every import kind's validator + loader, in dependency order. */
export const KIND_SPECS: Readonly<Record<ImportKind, KindSpec>> = {
  suppliers: suppliersKind,
  sites: sitesKind,
  recruiters: recruitersKind,
  engagements: engagementsKind,
  audits: auditsKind,
  findings: findingsKind,
  interviews: interviewsKind,
};
