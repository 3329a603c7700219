import { ApiProperty } from '@nestjs/swagger';
import type { RecruiterEntity } from '@lantern/database';
import { LICENCE_STATUSES, RECRUITER_CERTIFICATIONS, type LicenceStatus } from '@lantern/domain';
import { PageResponseBase } from '@lantern/platform';

export class RecruiterResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() externalRef: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'NP' }) country: string;
  @ApiProperty({ type: String, nullable: true }) licenceNumber: string | null;
  @ApiProperty({ enum: LICENCE_STATUSES }) licenceStatus: LicenceStatus;
  @ApiProperty({ type: String, nullable: true }) licenceAuthority: string | null;
  @ApiProperty({ type: [String] }) countriesOfOperation: string[];
  @ApiProperty({ enum: RECRUITER_CERTIFICATIONS, isArray: true }) certifications: string[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static fromEntity(e: RecruiterEntity): RecruiterResponse {
    return Object.assign(new RecruiterResponse(), {
      id: e.id,
      externalRef: e.externalRef,
      name: e.name,
      country: e.country,
      licenceNumber: e.licenceNumber,
      licenceStatus: e.licenceStatus,
      licenceAuthority: e.licenceAuthority,
      countriesOfOperation: e.countriesOfOperation,
      certifications: e.certifications,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

export const RECRUITER_CSV_COLUMNS = [
  'id', 'externalRef', 'name', 'country', 'licenceNumber', 'licenceStatus', 'licenceAuthority', 'countriesOfOperation', 'certifications', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof RecruiterResponse)[];

export class RecruiterPageResponse extends PageResponseBase {
  @ApiProperty({ type: [RecruiterResponse] }) data: RecruiterResponse[];
}
