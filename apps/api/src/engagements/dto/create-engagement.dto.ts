import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, IsCountry } from '../../common/validators.js';

/** Which recruiter supplies workers to which site, on which migration corridor. */
export class CreateEngagementDto {
  @ApiProperty({ example: 'ENG-0001' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalRef: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  recruiterId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  siteId: string;

  @ApiProperty({ example: 'NP', description: 'Corridor origin' })
  @IsCountry()
  originCountry: string;

  @ApiProperty({ example: 'MY', description: 'Corridor destination' })
  @IsCountry()
  destinationCountry: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'On or after startsOn' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  workersPlaced?: number | null;
}
