import type { AppInfo } from '../common/dto/app';
import { PRODUCT_NAME } from './app-identity';

export function electronAppInfo(version: string): AppInfo {
  const v = process.versions as Record<string, string | undefined>;
  const versions: Record<string, string> = {};
  for (const key of ['electron', 'chrome', 'node', 'v8', 'openssl']) {
    const value = v[key];
    if (value) versions[key] = value;
  }
  return { name: PRODUCT_NAME, version, host: 'electron', platform: process.platform, versions };
}
