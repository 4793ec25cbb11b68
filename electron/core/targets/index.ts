/**
 * Cloud-target knowledge that is not part of a probe run: the mTLS header decoder (headers/) and the region and
 * certificate guide with its AWS CLI commands (guide/). Host detection and target findings live with the probe
 * (probe/target-hosts.ts, probe/diagnose/rules-target.ts), which uses the decoder.
 */
export { decodeMtlsHeaders, pathUnescape, readReceivedHeaders } from './headers';
export { targetGuide, certificatePlacement, shellQuote, shellLine } from './guide';
