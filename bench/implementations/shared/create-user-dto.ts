import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

/** The `POST /users` body as a class-validator DTO: lambda-controllers and the floor use it alike. */
export class CreateUserDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;
}
