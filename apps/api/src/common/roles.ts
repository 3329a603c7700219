import type { Role } from '@lantern/domain';

/** Who may change the supply-chain map (suppliers, links, sites, recruiters, engagements). */
export const SUPPLY_CHAIN_WRITERS: Role[] = ['admin', 'compliance'];
/** Who may record evidence (audits, findings, worker interviews). */
export const EVIDENCE_WRITERS: Role[] = ['admin', 'compliance', 'auditor'];
/**
 * Who may read worker records (interviews: one row per interviewed worker) of their own organisation.
 * Regulator and procurement keys may not, even in the owning organisation (worker-identity firewall).
 */
export const WORKER_RECORD_READERS: Role[] = ['admin', 'compliance', 'auditor'];
/** Who may read decrypted worker testimony of their own organisation. */
export const TESTIMONY_READERS: Role[] = ['admin', 'compliance', 'auditor'];
