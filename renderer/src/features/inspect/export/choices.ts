import type { OutputFormat, Pkcs12Profile } from '../../../../../electron/common/dto/inspect';

export type ExportChoice = 'p12-modern' | 'p12-compat' | 'pem' | 'der' | 'p7b' | 'acm';

export interface ChoiceInfo {
  id: ExportChoice;
  format: OutputFormat;
  profile?: Pkcs12Profile;
  /** needs the private key: disabled when the input has none */
  needsKey: boolean;
}

export const CHOICES: readonly ChoiceInfo[] = [
  { id: 'p12-modern', format: 'p12', profile: 'modern', needsKey: true },
  { id: 'p12-compat', format: 'p12', profile: 'compat', needsKey: true },
  { id: 'pem', format: 'pem', needsKey: false },
  { id: 'der', format: 'der', needsKey: false },
  { id: 'p7b', format: 'p7b', needsKey: false },
  { id: 'acm', format: 'acm', needsKey: true },
];

/** A rough strength estimate for the hint under the password field; the password itself is the user's call. */
export function passwordStrength(password: string): 0 | 1 | 2 | 3 {
  if (password.length === 0) return 0;
  let score = 0;
  if (password.length >= 12) score++;
  if (password.length >= 16) score++;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes >= 3) score++;
  if (password.length < 8) return 1;
  return score >= 3 ? 3 : score >= 1 ? 2 : 1;
}
