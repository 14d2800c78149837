/**
 * RFC 5545 text-level rules: escaping of TEXT values (3.3.11) and line folding (3.1).
 */

export const CRLF = '\r\n';

/** Content lines may be at most 75 octets long, not counting the CRLF. */
const MAX_LINE_OCTETS = 75;

/**
 * TEXT value escaping: backslash, semicolon and comma get a backslash; any newline
 * (CRLF, CR or LF) becomes `\n`. Other control characters are not allowed in TEXT, so
 * they are dropped (tab is allowed and kept).
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
}

/**
 * Folds a content line so that no physical line exceeds 75 octets of UTF-8: continuation
 * lines start with one space, which counts towards their 75. The string is walked by code
 * point, so a multi-byte character (or a surrogate pair) is never split.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** UTF-8 length of one code point, computed rather than encoded: the domain has no TextEncoder dependency. */
export function utf8Length(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
