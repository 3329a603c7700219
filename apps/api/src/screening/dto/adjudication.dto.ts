import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PARTY_ROLES, type PartyRole } from '@lantern/screening';

export class CreateAdjudicationDto {
  @ApiProperty({ description: 'record.key of the match in the screening answer', example: 'list:3f0c…:sam-0a1b2c3d4e5f6a7b' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  recordKey: string;

  @ApiPropertyOptional({ enum: PARTY_ROLES, default: 'bidder', description: 'Which party of the screening the match belongs to' })
  @IsOptional()
  @IsIn(PARTY_ROLES)
  partyRole?: PartyRole;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(49)
  partyIndex?: number;

  @ApiProperty({ enum: ['false_positive'] })
  @IsIn(['false_positive'])
  verdict: 'false_positive';

  @ApiProperty({ example: 'Different company: registration number and address differ; the listed firm is in another province' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason: string;
}

export class RevokeAdjudicationDto {
  @ApiProperty()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason: string;
}
