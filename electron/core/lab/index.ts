/**
 * The local lab: on 127.0.0.1 only, emulations of the cloud endpoints users put in front of mTLS (ALB, API
 * Gateway, CloudFront, AWS Classic LB, Alibaba CLB), each in front of an echo backend that shows what its real
 * counterpart would forward.
 */
export { startLab } from './start';
export { labEndpointCatalogue, labEndpointFacts } from './catalogue';
export { LAB_FACTS } from './facts';
export type { LabFact, LabFactId } from './facts';
export { LAB_ENDPOINT_IDS } from './types';
export type { LabEndpoint, LabEndpointId, LabFiles, LabKeyPair, LabTarget, LabCertificateRequest, RunningLab, StartLabOptions } from './types';
