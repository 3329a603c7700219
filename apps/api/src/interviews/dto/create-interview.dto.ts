import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  DOCUMENT_HOLDERS,
  GENDERS,
  PERMIT_CONTROLLERS,
  TRI_ANSWERS,
  VISA_TYPES,
  type DocumentHolder,
  type Gender,
  type PermitController,
  type TriAnswer,
  type VisaType,
} from '@lantern/domain';
import { Omittable } from '../../common/omittable.decorator.js';
import { IsCountry, IsCurrency, IsTimestamp } from '../../common/validators.js';

export const MAX_TESTIMONY_LENGTH = 20_000;
const MAX_FEES = 100;
const MIN_AGE_AT_RECRUITMENT = 5;
const MAX_AGE_AT_RECRUITMENT = 99;

/** A yes / no / unknown answer that defaults to unknown (never to no). */
const TriState = (description: string) =>
  applyDecorators(ApiPropertyOptional({ enum: TRI_ANSWERS, default: 'unknown', description }), Omittable(), IsIn(TRI_ANSWERS));

/** One of a closed vocabulary, defaulting to `fallback` when left out. */
const OneOf = (values: readonly string[], fallback: string, description: string) =>
  applyDecorators(ApiPropertyOptional({ enum: values, default: fallback, description }), Omittable(), IsIn(values));

/** An anonymised worker interview. No names or document numbers: `workerRef` becomes a keyed pseudonym and is never stored. */
export class CreateInterviewDto {
  @ApiProperty({ example: 'INT-000001' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalRef: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  auditId: string;

  @ApiProperty({ format: 'uuid', description: 'Must be the site of the audit' })
  @IsUUID()
  siteId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  recruiterId?: string | null;

  @ApiProperty({ description: 'Your reference for the worker (never stored; turned into a keyed pseudonym). Not a name or document number.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  workerRef: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @IsTimestamp()
  interviewedAt: Date;

  @OneOf(GENDERS, 'undisclosed', 'Gender as the worker stated it')
  gender?: Gender;

  @ApiPropertyOptional({ nullable: true, example: 'NP' })
  @IsOptional()
  @IsCountry()
  originCountry?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: MIN_AGE_AT_RECRUITMENT, maximum: MAX_AGE_AT_RECRUITMENT })
  @IsOptional()
  @IsInt()
  @Min(MIN_AGE_AT_RECRUITMENT)
  @Max(MAX_AGE_AT_RECRUITMENT)
  ageAtRecruitment?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'Monthly wage in minor units of wageCurrency (give both or neither)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  monthlyWageMinor?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 'MYR' })
  @IsOptional()
  @IsCurrency()
  wageCurrency?: string | null;

  @OneOf(DOCUMENT_HOLDERS, 'unknown', 'Who holds the passport')
  passportHolder?: DocumentHolder;

  @OneOf(DOCUMENT_HOLDERS, 'unknown', 'Who holds the identity card')
  idCardHolder?: DocumentHolder;

  @OneOf(DOCUMENT_HOLDERS, 'unknown', 'Who holds the work permit')
  workPermitHolder?: DocumentHolder;

  @TriState('Can the worker get the documents on request?')
  documentsAccessibleOnRequest?: TriAnswer;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: 'Days to get a held document back on request' })
  @IsOptional()
  @IsInt()
  @Min(0)
  documentReturnDays?: number | null;

  @TriState('Are the documents held with the worker\'s free consent?')
  documentsHeldWithConsent?: TriAnswer;

  @TriState('Are the documents withheld until a debt is repaid?')
  documentsWithheldUntilDebtRepaid?: TriAnswer;

  @OneOf(VISA_TYPES, 'unknown', 'Visa or permit type')
  visaType?: VisaType;

  @TriState('Is the visa tied to the employer?')
  visaTiedToEmployer?: TriAnswer;

  @TriState('Can the worker change employer without permission?')
  canChangeEmployerWithoutPermission?: TriAnswer;

  @OneOf(PERMIT_CONTROLLERS, 'unknown', 'Who controls permit renewal')
  permitRenewalControlledBy?: PermitController;

  @TriState('Does leaving the country need an exit permit?')
  exitPermitRequired?: TriAnswer;

  @TriState('Was a security bond required?')
  securityBondRequired?: TriAnswer;

  @TriState('Was there a written contract?')
  contractWritten?: TriAnswer;

  @TriState("Was the contract in the worker's language?")
  contractInOwnLanguage?: TriAnswer;

  @TriState('Was the contract signed before departure?')
  contractSignedBeforeDeparture?: TriAnswer;

  @TriState('Were the terms changed on arrival?')
  contractTermsChangedOnArrival?: TriAnswer;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    default: [],
    description: 'Fees and costs paid: { category, amount | amountMinor, currency, paidTo?, paidOn?, paymentForm?, financedByLoan? }',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_FEES)
  fees?: unknown[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { enum: [...TRI_ANSWERS] }, default: {}, description: 'Question key -> yes | no | unknown' })
  @Omittable()
  @IsObject()
  answers?: Record<string, unknown>;

  @ApiPropertyOptional({ nullable: true, maxLength: MAX_TESTIMONY_LENGTH, description: 'Free text, encrypted at rest; never returned in lists' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TESTIMONY_LENGTH)
  testimony?: string | null;
}
