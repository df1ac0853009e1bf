import { Exclude } from 'class-transformer';
import { IsEmail, IsInt, IsISO8601, IsString, IsUUID, Length, MaxLength } from 'class-validator';

import type { UserFields } from './user-item.ts';

/**
 * A user as the API sends it: the controller wraps what the repository returns in it. The class-validator decorators
 * state the response's shape for the OpenAPI document (nothing validates responses at run
 * time); `@Exclude()` keeps the item's `version` out of every response and of the document.
 */
export class User implements UserFields {
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

  @Exclude()
  @IsInt()
  readonly version!: number;

  /** A user with these fields. */
  static of(fields: UserFields): User {
    const { id, name, email, createdAt, version } = fields;
    return Object.assign(new User(), { id, name, email, createdAt, version });
  }
}
