import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LICENCE_STATUSES, RECRUITER_CERTIFICATIONS, type LicenceStatus, type RecruiterCertification } from '@lantern/domain';
import { ListQuery } from '../../common/list.query.js';
import { IsCountry } from '../../common/validators.js';

export class ListRecruitersQuery extends ListQuery {
  @ApiPropertyOptional({ example: 'NP' })
  @IsOptional()
  @IsCountry()
  country?: string;

  @ApiPropertyOptional({ enum: LICENCE_STATUSES })
  @IsOptional()
  @IsIn(LICENCE_STATUSES)
  licenceStatus?: LicenceStatus;

  @ApiPropertyOptional({ enum: RECRUITER_CERTIFICATIONS, description: 'Recruiters holding this certification' })
  @IsOptional()
  @IsIn(RECRUITER_CERTIFICATIONS)
  certification?: RecruiterCertification;
}
