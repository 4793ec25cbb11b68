import { groupCommand } from '../group';
import { buildCommand } from './build';
import { checkCommand } from './check';

export const truststoreCommand = groupCommand(
  'truststore',
  'build and check CA bundles for ALB, API Gateway, CloudFront and Alibaba CLB',
  `A trust store is the CA bundle a gateway checks client certificates against. Each target has its own rules
(count, size, depth, key types, text format); 'build' writes a bundle that passes them, 'check' reports every
rule a bundle breaks and whether given client certificates would be accepted.`,
  [buildCommand, checkCommand],
  [
    'mtls-studio truststore build root-ca.pem issuing-ca.pem --target alb --out alb-truststore.pem',
    'mtls-studio truststore check alb-truststore.pem --target alb --client-cert partner.pem',
    'mtls-studio truststore check truststore.pem --target apigw --json',
  ],
);
