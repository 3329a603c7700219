import { ApiProperty } from '@nestjs/swagger';
import type { RecruitmentEngagementEntity } from '@lantern/database';
import { PageResponseBase } from '@lantern/platform';

export class EngagementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() externalRef: string;
  @ApiProperty({ format: 'uuid' }) recruiterId: string;
  @ApiProperty({ format: 'uuid' }) siteId: string;
  @ApiProperty({ example: 'NP' }) originCountry: string;
  @ApiProperty({ example: 'MY' }) destinationCountry: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startsOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn: string | null;
  @ApiProperty({ type: Number, nullable: true }) workersPlaced: number | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static fromEntity(e: RecruitmentEngagementEntity): EngagementResponse {
    return Object.assign(new EngagementResponse(), {
      id: e.id,
      externalRef: e.externalRef,
      recruiterId: e.recruiterId,
      siteId: e.siteId,
      originCountry: e.originCountry,
      destinationCountry: e.destinationCountry,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      workersPlaced: e.workersPlaced,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

export const ENGAGEMENT_CSV_COLUMNS = [
  'id', 'externalRef', 'recruiterId', 'siteId', 'originCountry', 'destinationCountry', 'startsOn', 'endsOn', 'workersPlaced', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof EngagementResponse)[];

export class EngagementPageResponse extends PageResponseBase {
  @ApiProperty({ type: [EngagementResponse] }) data: EngagementResponse[];
}
