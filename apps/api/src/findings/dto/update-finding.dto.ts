import { PartialType } from '@nestjs/swagger';
import { CreateFindingDto } from './create-finding.dto.js';

export class UpdateFindingDto extends PartialType(CreateFindingDto, { skipNullProperties: false }) {}
