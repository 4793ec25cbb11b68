import { readFileSync } from 'node:fs';
import { join } from 'node:path';

declare const __STUDIO_VERSION__: string | undefined;

/** Inlined by the build; read from package.json when run from sources (npm run cli). */
export const VERSION: string =
  typeof __STUDIO_VERSION__ === 'string'
    ? __STUDIO_VERSION__
    : (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
