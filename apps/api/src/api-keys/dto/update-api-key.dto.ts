import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateApiKeyDto } from './create-api-key.dto.js';

/** Only the label of a key can change; a different role needs a new key. */
export class UpdateApiKeyDto extends PartialType(OmitType(CreateApiKeyDto, ['role'] as const), { skipNullProperties: false }) {}
