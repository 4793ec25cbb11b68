import type { UiLanguage } from '../common/dto/settings';
import type { IdentitySummary } from '../common/dto/vault';
import type { VaultService } from '../core';
import type { Logger } from './logger';
import { MAIN_STRINGS } from './main-strings';
import type { SettingsStore } from './settings-store';

export { languageForLocale } from './main-strings';

/** The part of Electron's `Notification` this needs (injected, so it is tested without Electron). */
export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}
export interface NotificationFactory {
  isSupported(): boolean;
  new (options: { title: string; body: string }): NotificationLike;
}

export interface ExpiryNotifierDeps {
  vault: Pick<VaultService, 'list'>;
  settings: Pick<SettingsStore, 'read'>;
  Notification: NotificationFactory;
  /** the OS locale (app.getLocale()), used until the renderer has told main its language */
  systemLocale: string;
  logger?: Pick<Logger, 'info' | 'error'>;
}

/** names listed in the body; the rest are counted */
const LISTED = 3;

export function expiryMessage(identities: IdentitySummary[], days: number, language: UiLanguage): { title: string; body: string } {
  const texts = MAIN_STRINGS[language].expiry;
  const lines = identities.slice(0, LISTED).map((identity) => texts.line(identity.name, identity.daysLeft));
  if (identities.length > LISTED) lines.push(texts.more(identities.length - LISTED));
  return { title: texts.title(identities.length, days), body: lines.join('\n') };
}
