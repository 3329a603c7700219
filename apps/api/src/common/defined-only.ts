/**
 * The properties of a partial update that were actually sent. DTO instances
 * carry every declared property (undefined when absent), which must not
 * overwrite stored values; an explicit null clears a nullable field (update
 * DTOs use `PartialType(..., { skipNullProperties: false })`, so null is
 * rejected for the others).
 */
export function definedOnly<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}
