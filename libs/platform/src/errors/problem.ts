import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are URNs built from the stable machine-readable `code`. */
export const problemType = (code: string): string => `urn:lantern:problem:${code}`;

export class FieldErrorResponse {
  /** Path of the offending input, e.g. `fees[0].currency`. */
  @ApiProperty({ example: 'fees[0].currency' }) field: string;
  @ApiProperty({ example: 'must be an ISO 4217 currency code' }) reason: string;
}

/** RFC 9457 problem details, as every error of the API is answered. */
export class ProblemResponse {
  @ApiProperty({ example: 'urn:lantern:problem:validation_failed' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'The request has 1 invalid field' }) detail: string;
  @ApiProperty({ example: '/api/v1/suppliers' }) instance: string;
  @ApiProperty({ example: 'validation_failed' }) code: string;
  @ApiProperty({ example: '6f1c2f5e-4c1e-4a57-9d0b-2c1d4f0f3a11' }) requestId: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] }) errors?: FieldErrorResponse[];
}
