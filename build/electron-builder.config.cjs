/**
 * electron-builder configuration (npm run dist / dist:linux / dist:mac / dist:win use it with --config).
 * Checked by test/main/packaging.test.ts against electron-builder's JSON schema, plus the fuses, targets,
 * file associations and the list of shipped files.
 *
 * The packaged app contains only dist/main, dist/preload, dist/renderer and the one runtime dependency that
 * cannot be bundled: the keychain module's N-API binary (@napi-rs/keyring, prebuilt per platform, so no
 * rebuild against Electron's headers). The CLI is not in it: with the runAsNode fuse off the Electron binary
 * cannot run it; it ships as the npm package's `bin` and runs on the user's Node.
 * @type {import('app-builder-lib').Configuration}
 */
const ARTIFACT = 'mtls-studio-${version}-${os}-${arch}.${ext}';

module.exports = {
  appId: 'dev.mtlsstudio.app',
  productName: 'mTLS Studio',
  executableName: 'mtls-studio',
  copyright: 'Copyright © mTLS Studio contributors',
  artifactName: ARTIFACT,
  directories: { output: 'out', buildResources: 'build' },

  files: [
    'package.json',
    'dist/main/**',
    'dist/preload/**',
    'dist/renderer/**',
    '!**/*.map',
    // production dependencies are bundled into dist/ by esbuild and Vite; only the keychain module's native
    // binary is loaded from node_modules at run time (build/scripts/build.mjs keeps it external)
    '!node_modules/!(@napi-rs){,/**}',
    '!node_modules/@napi-rs/!(keyring|keyring-*){,/**}',
  ],
  asar: true,
  asarUnpack: ['node_modules/@napi-rs/keyring-*/**'],
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  electronLanguages: ['en', 'en-US', 'zh-CN', 'zh-TW'],

  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // the renderer is served from app://, never file://; it needs no file:// privileges
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  },

  fileAssociations: [
    { ext: ['p12', 'pfx'], name: 'PKCS#12 identity', description: 'PKCS#12 certificate and private key', mimeType: 'application/x-pkcs12', role: 'Editor', rank: 'Default' },
    { ext: ['cer', 'crt'], name: 'X.509 certificate', description: 'X.509 certificate', mimeType: 'application/pkix-cert', role: 'Viewer', rank: 'Alternate' },
  ],

  linux: {
    target: [{ target: 'AppImage', arch: ['x64'] }, { target: 'deb', arch: ['x64'] }],
    icon: 'build/icons',
    category: 'Development',
    synopsis: 'Client-certificate manager and mutual-TLS test console',
    description: 'Inspect, convert and test client certificates (PKCS#12, PEM, DER, PKCS#7) against mutual-TLS endpoints.',
    mimeTypes: ['application/x-pkcs12', 'application/pkix-cert', 'application/x-x509-ca-cert'],
    desktop: { entry: { StartupWMClass: 'mTLS Studio' } },
  },
  deb: {
    // the vault keeps its data keys in the Secret Service (GNOME Keyring, KWallet)
    recommends: ['gnome-keyring | kwalletmanager'],
  },

  mac: {
    target: [{ target: 'dmg', arch: ['universal'] }],
    icon: 'build/icons/1024x1024.png',
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    notarize: true,
    // the keychain binaries of both architectures are in both halves of the universal app, each single-arch
    x64ArchFiles: '**/node_modules/@napi-rs/keyring-darwin-*/*.node',
    minimumSystemVersion: '12.0',
  },
  dmg: { sign: false, writeUpdateInfo: false },

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icons/1024x1024.png',
    requestedExecutionLevel: 'asInvoker',
  },
  nsis: {
    // per-user: no administrator rights, installs under %LOCALAPPDATA%\Programs
    oneClick: true,
    perMachine: false,
    allowElevation: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'mTLS Studio',
    // the data folder (vault, logs) belongs to the user, not to the installation
    deleteAppDataOnUninstall: false,
    artifactName: 'mtls-studio-${version}-win-${arch}-setup.${ext}',
  },

  publish: null,
};
