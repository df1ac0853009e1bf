import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { User } from './user.ts';
import type { UserPage } from './user-repository.ts';

/** A `GET /users` page as the API returns it, for the OpenAPI document. */
export class UserPageDto implements UserPage {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => User)
  readonly items!: User[];

  /** Pass it as `cursor` to read the next page; `null` on the last page. */
  @IsOptional()
  @IsString()
  readonly nextCursor!: string | null;
}
