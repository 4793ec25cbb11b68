/**
 * Who the app is to the OS. APP_ID is also electron-builder's appId (build/electron-builder.config.cjs; the
 * packaging test checks they agree): Windows groups taskbar entries and notifications by it.
 */
export const APP_ID = 'dev.mtlsstudio.app';
export const PRODUCT_NAME = 'mTLS Studio';
