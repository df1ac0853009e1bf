import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength, ValidateIf } from 'class-validator';

// Absent means "unchanged"; `null` is not absent and fails as not a string.
const present = (_dto: object, value: unknown): boolean => value !== undefined;

/**
 * `PATCH /users/{id}` body: `name` and/or `email`, each checked and normalized as on creation.
 * That at least one is present is the controller's check, since it is about the whole body.
 */
export class UpdateUserDto {
  @ValidateIf(present)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name?: string;

  @ValidateIf(present)
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  )
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email?: string;
}
