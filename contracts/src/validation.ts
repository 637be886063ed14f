/** Identifier rules shared by server and web. */

/** 项目代码 (GB/T 40058-2021): YYYY-RRRRRR-DD-TT-NNNNNC. Opaque beyond its shape. */
export const PROJECT_CODE_RE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;

export function isValidProjectCode(code: string): boolean {
  if (!PROJECT_CODE_RE.test(code)) return false;
  const year = Number(code.slice(0, 4));
  return year >= 1990 && year <= 2100;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters with a mod-31 check character. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i]!) * USCC_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === code[17];
}

/** Builds a valid credit code from its first 17 characters (used by demo data and tests). */
export function completeCreditCode(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** GB/T 2260 region codes: 6 digits (province/city/county), 9 for towns and parks. */
export const REGION_CODE_RE = /^(\d{6}|\d{9})$/;

/** The code prefix shared by every region in the subtree of `code`. */
export function regionPrefix(code: string): string {
  if (code.length > 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Password policy (等保 2.0 level 3): ≥8 chars, at least three character classes. */
export function isStrongPassword(pw: string): boolean {
  if (pw.length < 8 || pw.length > 128) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  return classes >= 3;
}

export const MOBILE_RE = /^1[3-9]\d{9}$/;
