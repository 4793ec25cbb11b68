/** The public face of core: what main and the CLI may use. */
import 'reflect-metadata';

export { createServices } from './services';
export type { Services, ServicesOptions } from './services';
export type { FileService, ExportResult } from './files/file-service';
export { OUTPUT_EXTENSIONS } from './files/file-service';
export { MAX_INPUT_BYTES } from './io/input-files';
export { dataHome, APP_FOLDER_NAME } from './data-home';
