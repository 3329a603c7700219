import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LICENCE_STATUSES, RECRUITER_CERTIFICATIONS, type LicenceStatus, type RecruiterCertification } from '@lantern/domain';
import { Omittable } from '../../common/omittable.decorator.js';
import { IsCountry, IsCountryList } from '../../common/validators.js';

const MAX_COUNTRIES_OF_OPERATION = 250;

/** Values of the fields a new recruiter may leave out. */
export const RECRUITER_DEFAULTS = {
  licenceStatus: 'unknown' as LicenceStatus,
  countriesOfOperation: [] as string[],
  certifications: [] as RecruiterCertification[],
};

export class CreateRecruiterDto {
  @ApiProperty({ example: 'REC-0001' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalRef: string;

  @ApiProperty({ example: 'Kathmandu Manpower Services' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: 'NP', description: 'Country of registration / head office' })
  @IsCountry()
  country: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  licenceNumber?: string | null;

  @ApiPropertyOptional({ enum: LICENCE_STATUSES, default: 'unknown' })
  @Omittable()
  @IsIn(LICENCE_STATUSES)
  licenceStatus?: LicenceStatus;

  @ApiPropertyOptional({ nullable: true, example: 'Department of Foreign Employment' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  licenceAuthority?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['NP', 'MY'], default: [] })
  @Omittable()
  @ArrayMaxSize(MAX_COUNTRIES_OF_OPERATION)
  @IsCountryList()
  countriesOfOperation?: string[];

  @ApiPropertyOptional({ enum: RECRUITER_CERTIFICATIONS, isArray: true, default: [] })
  @Omittable()
  @IsIn(RECRUITER_CERTIFICATIONS, { each: true })
  certifications?: RecruiterCertification[];
}
