/**
 * Unit tier only: NestJS 12 ships as ES modules, which Jest's CommonJS runtime cannot
 * load. Services are plain classes, so unit tests construct them by hand; the decorators
 * they carry become no-ops here. The integration tier runs the real, built api.
 */
const noopDecorator = (): ((...args: unknown[]) => void) => () => undefined;

export const Injectable = noopDecorator;
export const Inject = noopDecorator;
export const InjectDataSource = noopDecorator;
export const Global = noopDecorator;
export const Module = noopDecorator;
export const Cron = noopDecorator;
export const CronExpression = { EVERY_HOUR: '0 0 * * * *', EVERY_MINUTE: '0 * * * * *' } as const;

export class Logger {
  constructor(readonly context?: string) {}
  log(): void {
    // silent in unit tests
  }
  warn(): void {
    // silent in unit tests
  }
  error(): void {
    // silent in unit tests
  }
  debug(): void {
    // silent in unit tests
  }
}

export class SchedulerRegistry {
  private readonly intervals = new Map<string, unknown>();
  addInterval(name: string, handle: unknown): void {
    this.intervals.set(name, handle);
  }
  doesExist(_type: string, name: string): boolean {
    return this.intervals.has(name);
  }
  deleteInterval(name: string): void {
    clearInterval(this.intervals.get(name) as NodeJS.Timeout);
    this.intervals.delete(name);
  }
}

export class HttpException extends Error {
  constructor(
    message: string,
    private readonly status: number,
  ) {
    super(message);
  }
  getStatus(): number {
    return this.status;
  }
}

export class BadRequestException extends HttpException {
  constructor() {
    super('Bad Request', 400);
  }
}

export class UnsupportedMediaTypeException extends HttpException {
  constructor() {
    super('Unsupported Media Type', 415);
  }
}
