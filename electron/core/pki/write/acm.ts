import type { Identity } from '../select';
import { encodePem } from '../pem';
import { certificatesPem } from './pem';
import { textBytes, type PlannedFile } from './plan';

/**
 * An AWS Certificate Manager import folder: certificate.pem (leaf), private-key.pem (unencrypted PKCS#8:
 * ACM accepts nothing else), chain.pem (intermediates first, root last), and a README with the command.
 */

export const ACM_KEY_WARNING =
  'private-key.pem is unencrypted, as ACM requires: import it, then delete the folder (or keep it somewhere safe)';

const README = (hasChain: boolean) => `Import into AWS Certificate Manager (ACM)

  aws acm import-certificate \\
    --certificate fileb://certificate.pem \\
    --private-key fileb://private-key.pem \\
${hasChain ? '    --certificate-chain fileb://chain.pem \\\n' : ''}    --region REGION

Region: use the region of the service that will use the certificate (ALB, NLB, Regional API Gateway,
App Runner, Elastic Beanstalk). For CloudFront and edge-optimized API Gateway custom domains the
certificate must be imported in us-east-1 (--region us-east-1).
AWS China regions (cn-north-1, cn-northwest-1) use the same command with a profile for the aws-cn partition;
CloudFront China cannot use ACM: upload to IAM with 'aws iam upload-server-certificate --path /cloudfront/...'.

private-key.pem is NOT encrypted (ACM does not accept encrypted keys). Delete this folder after the import.
`;

export function acmFiles(identity: Identity): PlannedFile[] {
  const chain = identity.chain.map((item) => item.der);
  return [
    { name: 'certificate.pem', bytes: textBytes(certificatesPem([identity.leaf.der])), containsPrivateKey: false },
    { name: 'private-key.pem', bytes: textBytes(encodePem('PRIVATE KEY', identity.key.pkcs8)), containsPrivateKey: true },
    ...(chain.length > 0 ? [{ name: 'chain.pem', bytes: textBytes(certificatesPem(chain)), containsPrivateKey: false }] : []),
    { name: 'README.txt', bytes: textBytes(README(chain.length > 0)), containsPrivateKey: false },
  ];
}
