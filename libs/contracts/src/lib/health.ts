export interface HealthDto {
  status: 'ok' | 'error';
  checks?: Record<string, 'ok' | 'error'>;
}
