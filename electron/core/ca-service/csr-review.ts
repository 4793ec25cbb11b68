import type { CsrReview } from '../../common/dto/ca';
import { toErrorDto } from '../../common/errors';
import { checkRequest, DEFAULT_POLICY, DEFAULT_CLIENT_DAYS, keyTypeLabel, readCsr } from '../ca';
import { profileFor } from './csr-ops';

/**
 * What a request someone sent asks for, and whether the CA's policy lets it be signed at the default validity —
 * shown before anything is issued. `requestId` is the caller's handle on the bytes.
 */
export function reviewRequest(bytes: Uint8Array, source: string, requestId: string): CsrReview {
  const details = readCsr(bytes, source);
  const policy = DEFAULT_POLICY;
  let refusal: CsrReview['refusal'] = null;
  try {
    checkRequest(details, policy, Math.min(policy.maxDays, DEFAULT_CLIENT_DAYS));
  } catch (error) {
    refusal = toErrorDto(error);
  }
  const keyAlgorithm = details.keyType
    ? keyTypeLabel(details.keyType)
    : [details.publicKey.algorithm, details.publicKey.curve ?? details.publicKey.bits]
        .filter((part) => part !== null)
        .join(' ');
  return {
    requestId,
    file: source.split(/[\\/]/).pop() ?? source,
    subject: details.subject,
    subjectAltNames: details.subjectAltNames,
    keyAlgorithm,
    requestedExtendedKeyUsage: details.requestedExtendedKeyUsage,
    requestsCa: details.requestsCa,
    signatureValid: details.signatureValid,
    suggestedType: profileFor(details),
    refusal,
    policy: { allowedKeyTypes: [...policy.allowedKeyTypes], maxDays: policy.maxDays },
  };
}
