import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemResponse } from '@lantern/platform';

/** Documents the problem+json answers every resource controller can give. */
export function ApiProblemResponses(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid input; `errors` names each bad field' }),
    ApiUnauthorizedResponse({ type: ProblemResponse, description: 'Missing, unknown or revoked API key' }),
    ApiForbiddenResponse({ type: ProblemResponse, description: 'The key\'s role may not do this (regulator keys are read-only)' }),
    ApiNotFoundResponse({ type: ProblemResponse, description: 'No such record in your organisation' }),
  );
}
