import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@lantern/domain';

/** Path parameter pipe: a malformed id is a 400 naming the parameter. */
export function uuidParam(field = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => DomainError.validation([{ field, reason: 'must be a UUID' }]) });
}
