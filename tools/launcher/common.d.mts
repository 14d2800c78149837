// Types of common.mjs for the type-checked tools (tools/backup).
export const ROOT: string;
export const DATA_DIR: string;
export const DATABASE_NAME: string;
export const NX_ENV: Record<string, string>;
export function elapsed(): string;
export function say(message: string): void;
export function run(command: string, args: string[], options?: { env?: Record<string, string>; quiet?: boolean }): Promise<string>;
export function openDatabase(): Promise<{ url: string; embedded: boolean; stop(): Promise<void> }>;
export function onShutdown(cleanup: () => Promise<void> | void): (code: number) => Promise<void>;
export function stopChild(child: import('node:child_process').ChildProcess | undefined): Promise<void>;
export function assertReadable(file: string, hint: string): void;
export function isDemoMode(embedded: boolean): boolean;
export function demoAccounts(url: string): string;
export function demoCitizens(citizens: Array<{ firstName: string; lastName: string; fiscalCode: string }>): string;
