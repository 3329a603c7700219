import { PartialType } from '@nestjs/swagger';
import { CreateEngagementDto } from './create-engagement.dto.js';

export class UpdateEngagementDto extends PartialType(CreateEngagementDto, { skipNullProperties: false }) {}
