import { ValidateIf } from 'class-validator';

/**
 * The property may be left out (the column has a default) but not sent as
 * null: unlike @IsOptional(), null is validated, and so rejected.
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
