export const PG_USER: string;
export const PG_PASSWORD: string;
export function freePort(): Promise<number>;
export interface EmbeddedPostgresHandle {
  port: number;
  fresh: boolean;
  url(database?: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}
export function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedPostgresHandle>;
