/** C0 controls and DEL: never allowed in names, subjects or file names we write. */
const isControl = (code: number): boolean => code < 0x20 || code === 0x7f;

export const hasControlCharacter = (text: string): boolean => [...text].some((ch) => isControl(ch.codePointAt(0)!));

export const replaceControlCharacters = (text: string, replacement = ' '): string =>
  [...text].map((ch) => (isControl(ch.codePointAt(0)!) ? replacement : ch)).join('');
