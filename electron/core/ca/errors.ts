import { StudioError, type ErrorCode, type ErrorParams } from '../../common/errors';

/**
 * The CA engine's errors. Messages name the object (a subject, a SAN, a CSV row, a CA) and the cause; hints say
 * what to do next. Never a key, never a password.
 */

function caError(code: ErrorCode, message: string, hint: string, params: ErrorParams = {}, cause?: unknown): StudioError {
  return new StudioError(code, message, { hint, params, ...(cause === undefined ? {} : { cause }) });
}

export const invalidSubject = (subject: string, why: string): StudioError =>
  caError('INVALID_SUBJECT', `invalid subject '${subject}': ${why}`, 'Write the subject as CN=Alice,O=Example (RFC 4514) or /O=Example/CN=Alice (OpenSSL); escape a literal comma as \\, (or / as \\/ in the OpenSSL form).', { subject, reason: why });

export const invalidSan = (san: string, why: string): StudioError =>
  caError('INVALID_SAN', `invalid subject alternative name '${san}': ${why}`, 'Write each name with its type: DNS:api.example.com, IP:10.0.0.1, email:alice@example.com or URI:https://example.com/id.', { san, reason: why });

export const invalidArgument = (what: string, why: string): StudioError =>
  caError('INVALID_ARGUMENT', `invalid ${what}: ${why}`, 'Check the value and try again.', { what, reason: why });

export const policyRefused = (what: string, why: string, hint: string): StudioError =>
  caError('CA_POLICY_REFUSED', `${what} refused: ${why}`, hint, { what, reason: why });

export const notACa = (name: string, why: string): StudioError =>
  caError('NOT_A_CA', `'${name}' cannot issue certificates: ${why}`, 'Choose a CA certificate (basicConstraints CA:TRUE with keyCertSign), or create a CA first.', { name, reason: why });

export const caExpired = (name: string, why: string): StudioError =>
  caError('CA_EXPIRED', `'${name}' cannot issue certificates: ${why}`, 'Renew the CA (create a new one and distribute its certificate), or check this computer’s clock.', { name, reason: why });

export const csrSignatureInvalid = (source: string): StudioError =>
  caError('CSR_SIGNATURE_INVALID', `the certificate request '${source}' is not signed by its own key`, 'The request was altered or damaged after it was made: ask the sender for a fresh CSR.', { file: source });

export const invalidCsv = (row: number, why: string, cause?: unknown): StudioError =>
  caError('INVALID_CSV', `CSV row ${row}: ${why}`, 'Fix that row (the header is row 1) and import the file again; nothing was issued.', { row, reason: why }, cause);

/** Rewraps a SAN/subject error found in a CSV cell as a CSV error naming the row (the original is its cause). */
export const inRow = (row: number, error: StudioError): StudioError => invalidCsv(row, error.message, error);
