import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DocumentHolder, Fee, Gender, PermitController, TriAnswer, VisaType } from '@lantern/domain';
import { numericTransformer } from './transformers.js';

/**
 * An anonymised worker interview. The worker is a keyed pseudonym; no name or
 * document number is stored; testimony is AES-256-GCM ciphertext.
 */
@Entity({ name: 'interviews' })
export class InterviewEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text', { name: 'external_ref' }) externalRef: string;
  @Column('uuid', { name: 'audit_id' }) auditId: string;
  @Column('uuid', { name: 'site_id' }) siteId: string;
  @Column('uuid', { name: 'recruiter_id', nullable: true }) recruiterId: string | null;
  @Column('text', { name: 'worker_pseudonym' }) workerPseudonym: string;
  @Column('timestamptz', { name: 'interviewed_at' }) interviewedAt: Date;
  @Column('text') gender: Gender;
  @Column('char', { name: 'origin_country', length: 2, nullable: true }) originCountry: string | null;
  @Column('smallint', { name: 'age_at_recruitment', nullable: true }) ageAtRecruitment: number | null;
  @Column('bigint', { name: 'monthly_wage_minor', nullable: true, transformer: numericTransformer }) monthlyWageMinor: number | null;
  @Column('char', { name: 'wage_currency', length: 3, nullable: true }) wageCurrency: string | null;

  @Column('text', { name: 'passport_holder' }) passportHolder: DocumentHolder;
  @Column('text', { name: 'id_card_holder' }) idCardHolder: DocumentHolder;
  @Column('text', { name: 'work_permit_holder' }) workPermitHolder: DocumentHolder;
  @Column('enum', { name: 'documents_accessible_on_request', enumName: 'tri_answer', enum: ['yes', 'no', 'unknown'] })
  documentsAccessibleOnRequest: TriAnswer;
  /** Days it takes the worker to get a held document back on request. */
  @Column('smallint', { name: 'document_return_days', nullable: true }) documentReturnDays: number | null;
  @Column('enum', { name: 'documents_held_with_consent', enumName: 'tri_answer', enum: ['yes', 'no', 'unknown'] })
  documentsHeldWithConsent: TriAnswer;
  @Column('enum', { name: 'documents_withheld_until_debt_repaid', enumName: 'tri_answer', enum: ['yes', 'no', 'unknown'] })
  documentsWithheldUntilDebtRepaid: TriAnswer;

  @Column('text', { name: 'visa_type' }) visaType: VisaType;
  @Column('enum', { name: 'visa_tied_to_employer', enumName: 'tri_answer', enum: ['yes', 'no', 'unknown'] })
  visaTiedToEmployer: TriAnswer;
  @Column('enum', { name: 'can_change_employer_without_permission', enumName: 'tri_answer', enum: ['yes', 'no', 'unknown'] })
  canChangeEmployerWithoutPermission: TriAnswer;
  @Column('text', { name: 'permit_renewal_controlled_by' }) permitRenewalControlledBy: PermitController;
  @Column('enum', { name: 'exit_permit_required', enumName: 'tri_answer', enum: ['yes', 'no', 'unknown'] })
  exitPermitRequired: TriAnswer;
  @Column('enum', { name: 'security_bond_required', enumName: 'tri_answer', enum: ['yes', 'no', 'unknown'] })
  securityBondRequired: TriAnswer;

  @Column('enum', { name: 'contract_written', enumName: 'tri_answer', enum: ['yes', 'no', 'unknown'] })
  contractWritten: TriAnswer;
  @Column('enum', { name: 'contract_in_own_language', enumName: 'tri_answer', enum: ['yes', 'no', 'unknown'] })
  contractInOwnLanguage: TriAnswer;
  @Column('enum', { name: 'contract_signed_before_departure', enumName: 'tri_answer', enum: ['yes', 'no', 'unknown'] })
  contractSignedBeforeDeparture: TriAnswer;
  @Column('enum', { name: 'contract_terms_changed_on_arrival', enumName: 'tri_answer', enum: ['yes', 'no', 'unknown'] })
  contractTermsChangedOnArrival: TriAnswer;

  /** Every fee or related cost the worker paid (ILO 2019 definition categories). */
  @Column('jsonb') fees: Fee[];
  /** Indicator answers keyed by the interview question catalogue; a missing key means unknown. */
  @Column('jsonb') answers: Record<string, TriAnswer>;
  @Column('bytea', { name: 'testimony_ciphertext', nullable: true, select: false }) testimonyCiphertext: Buffer | null;
  @Column('text', { name: 'testimony_key_id', nullable: true }) testimonyKeyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
