export { decodeMtlsHeaders } from './decode-headers';
export { readReceivedHeaders, type ReceivedHeader, type ReceivedHeaders } from './read-headers';
export { pathUnescape } from './unescape';
