import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

/** `POST /users` body. Names are trimmed and emails lower-cased before validation. */
export class CreateUserDto {
  // Trimmed before `Length` so that a name of only spaces is empty, hence rejected.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name!: string;

  // Lower-cased here so the response shows what is stored; not trimmed: spaces make it invalid.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  )
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;
}
