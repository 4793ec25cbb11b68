import { encodePem } from '../pem';
import { encodePkcs7 } from '../pkcs7';

/** A `.p7b` bundle: degenerate SignedData, PEM with the `PKCS7` label OpenSSL expects (not `CMS`). */
export const pkcs7Pem = (certificates: Uint8Array[]): string => encodePem('PKCS7', encodePkcs7(certificates));
