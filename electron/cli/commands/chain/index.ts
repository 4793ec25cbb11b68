import { groupCommand } from '../group';
import { chainVerifyCommand } from './verify';

export const chainCommand = groupCommand(
  'chain',
  'verify certificate chains: path building over every candidate, RFC 5280 checks, CRLs',
  'Explains why a chain is or is not accepted, one finding with a stable code per failure.',
  [chainVerifyCommand],
  [
    'mtls-studio chain verify client.crt --untrusted issuing-ca.crt --trust root-ca.crt --purpose client',
    'mtls-studio chain verify client.crt --trust truststore.pem --crl issuing.crl --json',
  ],
);
