import { ApiProperty } from '@nestjs/swagger';
import type { InterviewEntity } from '@lantern/database';
import {
  DOCUMENT_HOLDERS,
  GENDERS,
  PERMIT_CONTROLLERS,
  TRI_ANSWERS,
  VISA_TYPES,
  type DocumentHolder,
  type Fee,
  type Gender,
  type PermitController,
  type TriAnswer,
  type VisaType,
} from '@lantern/domain';
import { PageResponseBase } from '@lantern/platform';

export class FeeResponse {
  @ApiProperty() category: string;
  @ApiProperty({ description: 'Minor units of currency' }) amountMinor: number;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty() paidTo: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) paidOn: string | null;
  @ApiProperty() paymentForm: string;
  @ApiProperty({ enum: TRI_ANSWERS }) financedByLoan: TriAnswer;
}

/** An interview as the API shows it: the pseudonym, never a worker reference; testimony only as a flag. */
export class InterviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() externalRef: string;
  @ApiProperty({ format: 'uuid' }) auditId: string;
  @ApiProperty({ format: 'uuid' }) siteId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recruiterId: string | null;
  @ApiProperty({ description: 'Keyed pseudonym of the worker (stable within your organisation)' }) workerPseudonym: string;
  @ApiProperty() interviewedAt: Date;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty({ type: String, nullable: true }) originCountry: string | null;
  @ApiProperty({ type: Number, nullable: true }) ageAtRecruitment: number | null;
  @ApiProperty({ type: Number, nullable: true }) monthlyWageMinor: number | null;
  @ApiProperty({ type: String, nullable: true }) wageCurrency: string | null;
  @ApiProperty({ enum: DOCUMENT_HOLDERS }) passportHolder: DocumentHolder;
  @ApiProperty({ enum: DOCUMENT_HOLDERS }) idCardHolder: DocumentHolder;
  @ApiProperty({ enum: DOCUMENT_HOLDERS }) workPermitHolder: DocumentHolder;
  @ApiProperty({ enum: TRI_ANSWERS }) documentsAccessibleOnRequest: TriAnswer;
  @ApiProperty({ type: Number, nullable: true }) documentReturnDays: number | null;
  @ApiProperty({ enum: TRI_ANSWERS }) documentsHeldWithConsent: TriAnswer;
  @ApiProperty({ enum: TRI_ANSWERS }) documentsWithheldUntilDebtRepaid: TriAnswer;
  @ApiProperty({ enum: VISA_TYPES }) visaType: VisaType;
  @ApiProperty({ enum: TRI_ANSWERS }) visaTiedToEmployer: TriAnswer;
  @ApiProperty({ enum: TRI_ANSWERS }) canChangeEmployerWithoutPermission: TriAnswer;
  @ApiProperty({ enum: PERMIT_CONTROLLERS }) permitRenewalControlledBy: PermitController;
  @ApiProperty({ enum: TRI_ANSWERS }) exitPermitRequired: TriAnswer;
  @ApiProperty({ enum: TRI_ANSWERS }) securityBondRequired: TriAnswer;
  @ApiProperty({ enum: TRI_ANSWERS }) contractWritten: TriAnswer;
  @ApiProperty({ enum: TRI_ANSWERS }) contractInOwnLanguage: TriAnswer;
  @ApiProperty({ enum: TRI_ANSWERS }) contractSignedBeforeDeparture: TriAnswer;
  @ApiProperty({ enum: TRI_ANSWERS }) contractTermsChangedOnArrival: TriAnswer;
  @ApiProperty({ type: [FeeResponse] }) fees: Fee[];
  @ApiProperty({ type: 'object', additionalProperties: { enum: [...TRI_ANSWERS] } }) answers: Record<string, TriAnswer>;
  @ApiProperty({ description: 'Whether encrypted testimony is on file (read it at /interviews/{id}/testimony)' }) hasTestimony: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static fromEntity(e: InterviewEntity): InterviewResponse {
    return Object.assign(new InterviewResponse(), {
      id: e.id,
      externalRef: e.externalRef,
      auditId: e.auditId,
      siteId: e.siteId,
      recruiterId: e.recruiterId,
      workerPseudonym: e.workerPseudonym,
      interviewedAt: e.interviewedAt,
      gender: e.gender,
      originCountry: e.originCountry,
      ageAtRecruitment: e.ageAtRecruitment,
      monthlyWageMinor: e.monthlyWageMinor,
      wageCurrency: e.wageCurrency,
      passportHolder: e.passportHolder,
      idCardHolder: e.idCardHolder,
      workPermitHolder: e.workPermitHolder,
      documentsAccessibleOnRequest: e.documentsAccessibleOnRequest,
      documentReturnDays: e.documentReturnDays,
      documentsHeldWithConsent: e.documentsHeldWithConsent,
      documentsWithheldUntilDebtRepaid: e.documentsWithheldUntilDebtRepaid,
      visaType: e.visaType,
      visaTiedToEmployer: e.visaTiedToEmployer,
      canChangeEmployerWithoutPermission: e.canChangeEmployerWithoutPermission,
      permitRenewalControlledBy: e.permitRenewalControlledBy,
      exitPermitRequired: e.exitPermitRequired,
      securityBondRequired: e.securityBondRequired,
      contractWritten: e.contractWritten,
      contractInOwnLanguage: e.contractInOwnLanguage,
      contractSignedBeforeDeparture: e.contractSignedBeforeDeparture,
      contractTermsChangedOnArrival: e.contractTermsChangedOnArrival,
      fees: e.fees,
      answers: e.answers,
      hasTestimony: e.testimonyKeyId !== null,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

export const INTERVIEW_CSV_COLUMNS = [
  'id', 'externalRef', 'auditId', 'siteId', 'recruiterId', 'workerPseudonym', 'interviewedAt', 'gender', 'originCountry', 'ageAtRecruitment',
  'monthlyWageMinor', 'wageCurrency', 'passportHolder', 'idCardHolder', 'workPermitHolder', 'documentsAccessibleOnRequest', 'documentReturnDays',
  'documentsHeldWithConsent', 'documentsWithheldUntilDebtRepaid', 'visaType', 'visaTiedToEmployer', 'canChangeEmployerWithoutPermission',
  'permitRenewalControlledBy', 'exitPermitRequired', 'securityBondRequired', 'contractWritten', 'contractInOwnLanguage',
  'contractSignedBeforeDeparture', 'contractTermsChangedOnArrival', 'fees', 'answers', 'hasTestimony', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof InterviewResponse)[];

export class InterviewPageResponse extends PageResponseBase {
  @ApiProperty({ type: [InterviewResponse] }) data: InterviewResponse[];
}

export class TestimonyResponse {
  @ApiProperty({ format: 'uuid' }) interviewId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Decrypted testimony; null when none is on file' }) testimony: string | null;
}
