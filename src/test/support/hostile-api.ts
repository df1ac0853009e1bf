// A controller for hostile requests, shared by the property tests and figure E of the benchmark.
// It imports the package by name: jest maps that to src/, the benchmark resolves the layer's copy.
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { Body, Get, Param, Post, Query } from 'lambda-controllers';

export class LineDto {
  @IsString() text!: string;
}

export class DocumentDto {
  @IsOptional() @ValidateNested({ each: true }) @Type(() => LineDto) lines?: LineDto[];
  @IsOptional() @IsString({ each: true }) tags?: string[];
}

/** A DTO body, a numeric path parameter and query, and a greedy path: what attacks aim at. */
export class HostileApi {
  @Post('/documents') create(@Body() document: DocumentDto) {
    return { lines: document.lines?.length ?? 0, tags: document.tags?.length ?? 0 };
  }
  @Get('/items/{id}') get(@Param('id') id: number, @Query('limit') limit?: number) {
    return { id, limit };
  }
  @Get('/files/{path+}') file(@Param('path') path: string) {
    return { length: path.length };
  }
}
