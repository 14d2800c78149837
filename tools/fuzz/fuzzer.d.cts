export interface FuzzFinding {
  request: number;
  seed: number;
  operation: string;
  status: number | string;
  url: string;
  body: string;
  answer: string;
}

export interface FuzzResult {
  requests: number;
  seed: number;
  operations: number;
  operationsCalled: number;
  statuses: Record<string, number>;
  findings: FuzzFinding[];
  slow: Array<{ operation: string; ms: number }>;
}

export function fuzz(options: {
  baseUrl: string;
  seed?: number;
  requests?: number;
  accounts?: Array<{ username: string; password: string }>;
  skip?: RegExp[];
  log?: (line: string) => void;
}): Promise<FuzzResult>;
