import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiErrorBody, ErrorCode, FieldError } from '@sportello/contracts';
import { ERROR_CODES } from '@sportello/contracts';

/** OpenAPI description of the error body; `implements` keeps it equal to the contract. */
export class FieldErrorDoc implements FieldError {
  @ApiProperty({ example: 'from' }) field: string;
  @ApiProperty({ example: 'Data non valida: usare il formato AAAA-MM-GG.' }) message: string;
}

export class ApiErrorDoc implements ApiErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ enum: ERROR_CODES, example: 'VALIDATION_FAILED' }) code: ErrorCode;
  @ApiProperty({ example: 'Alcuni dati non sono validi.' }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorDoc] }) errors?: FieldErrorDoc[];
}
