import { PartialType } from '@nestjs/swagger';
import { CreateInterviewDto } from './create-interview.dto.js';

export class UpdateInterviewDto extends PartialType(CreateInterviewDto, { skipNullProperties: false }) {}
