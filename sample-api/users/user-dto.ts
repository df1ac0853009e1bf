import { IsEmail, IsISO8601, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { User } from './user.ts';

/**
 * A user as the API returns it. Nothing validates responses at run time: the decorators state
 * the response's shape for the OpenAPI document, in the same terms as the request DTOs.
 */
export class UserDto implements User {
  @IsUUID('4')
  readonly id!: string;

  @IsString()
  @Length(1, 100)
  readonly name!: string;

  @IsEmail()
  @MaxLength(254)
  readonly email!: string;

  /** ISO 8601 instant with milliseconds, in UTC. */
  @IsISO8601()
  readonly createdAt!: string;
}
