/**
 * Worker-level facts: one interview row (interviews table, camelCase as in
 * InterviewEntity) plus the verified remediation recorded for that worker.
 * The pipeline maps rows to this shape; the engine reads nothing else.
 */
import type { DocumentHolder, Fee, FindingSeverity, FindingStatus, PermitController, TriAnswer, VisaType } from '@lantern/domain';

export interface FeeRepayment {
  readonly amountMinor: number;
  readonly currency: string;
  /** YYYY-MM-DD; a repayment after the as-of date is ignored. */
  readonly paidOn: string;
  /** Id of the verified remediation record, cited as evidence. */
  readonly evidenceId: string;
}

/** A verified remediation event: the date it happened and the record that proves it. */
export interface VerifiedEvent {
  readonly on: string;
  readonly evidenceId: string;
}

/** Remediation verified by the organisation (only verified records are passed in). */
export interface VerifiedRemediation {
  readonly feeRepayments?: readonly FeeRepayment[];
  /** All documents held by a third party were handed back to the worker. */
  readonly documentsReturned?: VerifiedEvent;
  /** The worker's visa sponsorship was transferred to a new employer or to an open permit. */
  readonly sponsorshipTransferred?: VerifiedEvent;
}

export interface WorkerFacts {
  readonly interviewId: string;
  readonly workerPseudonym: string;
  readonly siteId: string;
  readonly recruiterId: string | null;
  readonly ageAtRecruitment: number | null;
  readonly monthlyWageMinor: number | null;
  readonly wageCurrency: string | null;
  readonly passportHolder: DocumentHolder;
  readonly idCardHolder: DocumentHolder;
  readonly workPermitHolder: DocumentHolder;
  readonly documentsAccessibleOnRequest: TriAnswer;
  /** Days it takes the worker to get a held document back on request. */
  readonly documentReturnDays: number | null;
  readonly documentsHeldWithConsent: TriAnswer;
  readonly documentsWithheldUntilDebtRepaid: TriAnswer;
  readonly visaType: VisaType;
  readonly visaTiedToEmployer: TriAnswer;
  readonly canChangeEmployerWithoutPermission: TriAnswer;
  readonly permitRenewalControlledBy: PermitController;
  readonly exitPermitRequired: TriAnswer;
  readonly securityBondRequired: TriAnswer;
  readonly contractWritten: TriAnswer;
  readonly contractInOwnLanguage: TriAnswer;
  readonly contractSignedBeforeDeparture: TriAnswer;
  readonly contractTermsChangedOnArrival: TriAnswer;
  /** Every fee or related cost the worker paid; an empty list means none reported. */
  readonly fees: readonly Fee[];
  /** Answers keyed by the interview question catalogue; a missing key means unknown. */
  readonly answers: Readonly<Record<string, TriAnswer>>;
  readonly remediation?: VerifiedRemediation;
}

/**
 * Site-level facts: one audit finding (findings row joined to its audit). The
 * pipeline maps rows to this shape; `applyAuditFindings` reads nothing else.
 */
export interface FindingFacts {
  readonly findingId: string;
  /** The finding's external reference (the audit firm's or importer's id). */
  readonly externalRef: string;
  readonly auditId: string;
  readonly siteId: string;
  /** `findings.indicator_code`: ILO-FL-01..11 or LAN-FEE / LAN-VISA / LAN-DOC (@lantern/domain indicators.ts). */
  readonly indicatorCode: string;
  readonly severity: FindingSeverity;
  readonly status: FindingStatus;
  /** YYYY-MM-DD: the UTC date of the audit (`audits.conducted_at`). */
  readonly auditDate: string;
}
