import { PartialType } from '@nestjs/swagger';
import { CreateRecruiterDto } from './create-recruiter.dto.js';

export class UpdateRecruiterDto extends PartialType(CreateRecruiterDto, { skipNullProperties: false }) {}
