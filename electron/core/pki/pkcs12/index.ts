/** PKCS#12 (.p12/.pfx): read every variant users have, write the 'modern' and 'compat' profiles. */
export { isPkcs12, readPkcs12 } from './read';
export { writePkcs12 } from './write';
export type { Pkcs12WriteOptions } from './write';
