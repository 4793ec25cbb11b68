import { StudioError } from '../../../common/errors';

/**
 * Path-style percent-decoding, as ALB and CloudFront encode certificates in headers: `%XX` becomes its byte, and
 * `+`, `/`, `=` stay exactly as they are — base64 uses them. Form decoding (`+` → space) would corrupt every
 * certificate whose base64 holds a `+`, so it is never used here.
 */
export function pathUnescape(value: string, header: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    const bad = value.match(/%(?![0-9A-Fa-f]{2}).{0,2}/)?.[0];
    const cause = bad === undefined ? 'its percent-escapes do not form UTF-8 text' : `'${bad}' is not a valid percent-escape`;
    throw new StudioError('CORRUPT_INPUT', `cannot decode the header ${header}: ${cause}`, {
      hint: 'Paste the value exactly as the backend received it (URL-encoded PEM), not re-encoded or cut.',
    });
  }
}
