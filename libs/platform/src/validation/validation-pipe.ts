import { ValidationPipe, type ArgumentMetadata, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { DomainError, type FieldIssue } from '@lantern/domain';

const ARRAY_INDEX = /^\d+$/;

function childPath(parent: string, property: string): string {
  if (ARRAY_INDEX.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

/** Flatten class-validator's error tree into one issue per leaf field: `fees[0].currency`. */
export function flattenValidationErrors(errors: readonly ClassValidatorError[], parent = ''): FieldIssue[] {
  return errors.flatMap((error) => {
    const field = childPath(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The one ValidationPipe of the API: unknown fields are rejected, payloads are
 * transformed into their DTO classes, and failures become a `validation_failed`
 * DomainError naming every bad field (rendered as problem+json by the filter).
 */
/**
 * Nest's ValidationPipe turns a null body into `{}` before validating it, so an
 * explicit JSON `null` would pass as an empty request for DTOs whose fields
 * are all optional. Here it is a 400, like any other non-object body.
 */
class LanternValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (value === null && metadata.type === 'body' && typeof metadata.metatype === 'function' && this.toValidate(metadata)) {
      throw DomainError.validation([{ field: 'body', reason: 'must be a JSON object' }]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new LanternValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
