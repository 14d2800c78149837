/**
 * E-mail addresses a citizen gives: only the plain form that every mail library sends
 * exactly as written. A dot-atom local part (RFC 5322 `atext`, no quotes, no comments, no
 * leading, trailing or doubled dot) and a host name of letters, digits and hyphens with an
 * alphabetic top-level domain — in ASCII, so nothing is re-encoded on the way out (a quoted
 * local part such as `"<script>"@example.org` is stored as typed and mailed as
 * `" script "@example.org`; a Unicode domain is mailed in its punycode form).
 */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

export const EMAIL_MAX_LENGTH = 254;
const LOCAL_MAX_LENGTH = 64;

/** True for an address in the plain form described above. */
export function isPlainEmailAddress(address: string): boolean {
  if (typeof address !== 'string' || address.length > EMAIL_MAX_LENGTH) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at !== address.indexOf('@')) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  if (local.length > LOCAL_MAX_LENGTH || !LOCAL_PART.test(local)) return false;
  // "=?…?=" is a MIME encoded word: mail programs would show it decoded.
  if (local.includes('=?')) return false;
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  return TOP_LEVEL.test(labels[labels.length - 1] ?? '');
}

/**
 * The key that counts one mailbox once, for limits: lower case, without a `+tag`
 * (sub-addressing delivers a+1@ and a+2@ to a@), and for Gmail without dots and on one domain.
 */
export function emailKey(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}
