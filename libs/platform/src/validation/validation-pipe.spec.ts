import { describe, it, expect } from '@jest/globals';
import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { DomainError } from '@lantern/domain';
import { createValidationPipe } from './validation-pipe.js';

class ItemDto {
  @IsIn(['USD', 'EUR']) currency: string;
}

class BodyDto {
  @IsString() name: string;
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items: ItemDto[];
}

const BODY: ArgumentMetadata = { type: 'body', metatype: BodyDto };

async function issuesOf(value: unknown): Promise<unknown> {
  try {
    await createValidationPipe().transform(value, BODY);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).details;
  }
  throw new Error('expected a validation error');
}

describe('createValidationPipe', () => {
  it('names nested array fields with index paths', async () => {
    expect(await issuesOf({ name: 'a', items: [{ currency: 'USD' }, { currency: 'XXX' }] })).toEqual([
      { field: 'items[1].currency', reason: 'currency must be one of the following values: USD, EUR' },
    ]);
  });

  it('reports unknown fields, at any depth, and every bad field at once', async () => {
    const issues = (await issuesOf({ name: 1, extra: true, items: [{ currency: 'EUR', rate: 2 }] })) as { field: string }[];
    expect(issues.map((i) => i.field).sort()).toEqual(['extra', 'items[0].rate', 'name']);
  });

  it('refuses an explicit null body even when every field is optional (no body at all stays an empty request)', async () => {
    class OptionalDto {
      @IsOptional() @IsString() note?: string;
    }
    const meta: ArgumentMetadata = { type: 'body', metatype: OptionalDto };
    await expect(createValidationPipe().transform(null, meta)).rejects.toMatchObject({ code: 'validation_failed', details: [{ field: 'body', reason: 'must be a JSON object' }] });
    expect(await createValidationPipe().transform(undefined, meta)).toBeInstanceOf(OptionalDto);
  });

  it('returns a DTO instance for a valid body', async () => {
    const dto = await createValidationPipe().transform({ name: 'a', items: [{ currency: 'EUR' }] }, BODY);
    expect(dto).toBeInstanceOf(BodyDto);
    expect(dto.items[0]).toBeInstanceOf(ItemDto);
  });
});
