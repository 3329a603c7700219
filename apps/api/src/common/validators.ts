import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate, ValidateBy } from 'class-validator';
import { isCountryCode, isCurrencyCode, isIsoDate } from '@lantern/domain';

const upperCased = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** ISO 3166-1 alpha-2 country code; surrounding spaces and lower case are normalised ("gb" -> "GB"). */
export function IsCountry(): PropertyDecorator {
  return applyDecorators(
    Transform(upperCased),
    ValidateBy({ name: 'isCountry', validator: { validate: isCountryCode, defaultMessage: () => 'must be an ISO 3166-1 alpha-2 country code' } }),
  );
}

/** An array of ISO 3166-1 alpha-2 country codes (normalised like IsCountry). */
export function IsCountryList(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => upperCased({ value: v })) : value)),
    ValidateBy({
      name: 'isCountryList',
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every(isCountryCode),
        defaultMessage: () => 'must be an array of ISO 3166-1 alpha-2 country codes',
      },
    }),
  );
}

/** ISO 4217 currency code, normalised to upper case. */
export function IsCurrency(): PropertyDecorator {
  return applyDecorators(
    Transform(upperCased),
    ValidateBy({ name: 'isCurrency', validator: { validate: isCurrencyCode, defaultMessage: () => 'must be an ISO 4217 currency code' } }),
  );
}

/** A calendar date written YYYY-MM-DD. */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: isIsoDate, defaultMessage: () => 'must be a calendar date YYYY-MM-DD' } });
}

/** RFC 3339 / ISO 8601 date-time with an explicit offset, e.g. 2025-03-14T09:00:00Z. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time string, converted to a Date; anything else is rejected. */
export function IsTimestamp(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && ISO_DATE_TIME.test(value) ? new Date(value) : value)),
    IsDate({ message: 'must be an ISO 8601 date-time with a time zone, e.g. 2025-03-14T09:00:00Z' }),
  );
}
