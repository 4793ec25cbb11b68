import { nameOf } from './finding';
import { toCertificate, type CertificateInput } from './inputs';

export interface CertificateLabel {
  /** subject CN, or the whole subject when it has none */
  name: string;
  subject: string;
  notAfter: string;
}

/** sha256 → how to show a certificate, for drawing a verification's path. */
export function certificateLabels(inputs: CertificateInput[]): Map<string, CertificateLabel> {
  const labels = new Map<string, CertificateLabel>();
  for (const [i, input] of inputs.entries()) {
    const cert = toCertificate(input, `certificate ${i + 1}`);
    labels.set(cert.sha256, { name: nameOf(cert), subject: cert.subject, notAfter: cert.notAfter.toISOString() });
  }
  return labels;
}
