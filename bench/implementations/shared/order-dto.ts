import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Min, ValidateNested } from 'class-validator';

/** One line of an order: the nested DTO of the validation benchmarks. */
export class LineDto {
  @IsString() @Length(1, 40) sku!: string;
  @IsInt() @Min(1) quantity!: number;
}

/** An order holding an array of nested DTOs. */
export class OrderDto {
  @IsString() customer!: string;
  @ValidateNested({ each: true }) @Type(() => LineDto) lines!: LineDto[];
}
