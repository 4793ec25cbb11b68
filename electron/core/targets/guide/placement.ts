import type { CertificatePlacement, GuideTarget, GuideValues } from '../../../common/dto/targets';

/**
 * Where the server certificate must live (DOMAIN.md, "Certificates and regions"): ACM in us-east-1 for CloudFront
 * and edge-optimized API Gateway, the resource's own region otherwise; AWS China (regions cn-*, partition
 * arn:aws-cn) has no ACM for CloudFront — IAM server certificates under the /cloudfront/ path — and no
 * edge-optimized APIs.
 */

export const partitionOf = (region: string | undefined): 'aws' | 'aws-cn' => (region?.startsWith('cn-') ? 'aws-cn' : 'aws');

export function certificatePlacement(target: GuideTarget, values: GuideValues): CertificatePlacement {
  const partition = partitionOf(values.region);
  const region = values.region ?? null;
  if (target === 'cloudfront') {
    if (partition === 'aws-cn') {
      return { service: 'iam', region: null, partition, rule: 'cloudfront-china-iam', explanation: 'CloudFront in AWS China cannot use ACM: upload the certificate to IAM with a path starting /cloudfront/ (partition arn:aws-cn); serving needs a CNAME with ICP registration.' };
    }
    return { service: 'acm', region: 'us-east-1', partition, rule: 'cloudfront-us-east-1', explanation: 'CloudFront uses ACM certificates from us-east-1 only, whatever region the origin is in.' };
  }
  if (target === 'apigw') {
    if (partition === 'aws-cn') {
      return { service: 'acm', region, partition, rule: 'apigw-china-regional-only', explanation: 'API Gateway in AWS China has no edge-optimized APIs: use a Regional custom domain, with the ACM certificate in the API’s region (partition arn:aws-cn).' };
    }
    if (values.apigwEndpointType === 'edge') {
      return { service: 'acm', region: 'us-east-1', partition, rule: 'edge-api-us-east-1', explanation: 'An edge-optimized custom domain uses an ACM certificate from us-east-1 — and cannot do mutual TLS: make the custom domain Regional for mTLS.' };
    }
  }
  if (target === 'clb') {
    return { service: 'instances', region, partition, rule: 'clb-on-instances', explanation: 'A Classic Load Balancer cannot verify client certificates: with a TCP listener passing TLS through, the server certificate, its key and the client trust store live on the instances (their nginx/Apache/app), not in ACM.' };
  }
  return { service: 'acm', region, partition, rule: 'resource-region', explanation: `The certificate must be in ACM in the same region as the ${target === 'apigw' ? 'Regional custom domain' : 'load balancer'}${region ? ` (${region})` : ''}.` };
}
