export declare const LETTERS: string;
/** The month letters, January first. */
export declare const MONTHS: string;
export declare function checkCharacter(first15: string): string;
export declare function withCheck(first15: string): string;
export declare function fiscalCode(n: number, sex?: 'M' | 'F'): string;
export declare function randomFiscalCode(): string;
