/** POSIX shell quoting for display: safe words as they are, everything else in single quotes. */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(arg: string): string {
  if (arg !== '' && SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export const shellLine = (argv: readonly string[]): string => argv.map(shellQuote).join(' ');

/** the same line for reading: each --option (with its value) on its own continued line */
export function shellLines(argv: readonly string[]): string {
  return argv.map((arg, i) => (i > 0 && arg.startsWith('--') ? ` \\\n  ${shellQuote(arg)}` : `${i > 0 ? ' ' : ''}${shellQuote(arg)}`)).join('');
}
