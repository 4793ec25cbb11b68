import type { UiLanguage } from '../common/dto/settings';
import type { IdentitySummary } from '../common/dto/vault';
import type { VaultService } from '../core';
import type { Logger } from './logger';
import type { SettingsStore } from './settings-store';

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

interface Texts {
  title(count: number, days: number): string;
  line(name: string, daysLeft: number): string;
  more(count: number): string;
}

const TEXTS: Record<UiLanguage, Texts> = {
  en: {
    title: (count, days) => `${count === 1 ? '1 identity expires' : `${count} identities expire`} within ${days} days`,
    line: (name, daysLeft) =>
      `${name}: ${daysLeft < 0 ? 'expired' : daysLeft === 0 ? 'expires today' : daysLeft === 1 ? '1 day left' : `${daysLeft} days left`}`,
    more: (count) => `and ${count} more`,
  },
  'zh-CN': {
    title: (count, days) => `${count} 个身份将在 ${days} 天内过期`,
    line: (name, daysLeft) => `${name}：${daysLeft < 0 ? '已过期' : daysLeft === 0 ? '今天过期' : `还剩 ${daysLeft} 天`}`,
    more: (count) => `另有 ${count} 个`,
  },
  'zh-TW': {
    title: (count, days) => `${count} 個身分將在 ${days} 天內到期`,
    line: (name, daysLeft) => `${name}：${daysLeft < 0 ? '已過期' : daysLeft === 0 ? '今天到期' : `剩餘 ${daysLeft} 天`}`,
    more: (count) => `另有 ${count} 個`,
  },
};

/** zh-TW/HK/MO and Hant → Traditional, other zh → Simplified, everything else English (as the renderer decides). */
export function languageForLocale(locale: string): UiLanguage {
  const parts = locale.toLowerCase().replace(/_/g, '-').split('-');
  if (parts[0] !== 'zh') return 'en';
  return parts.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)) ? 'zh-TW' : 'zh-CN';
}

export function expiryMessage(identities: IdentitySummary[], days: number, language: UiLanguage): { title: string; body: string } {
  const texts = TEXTS[language];
  const lines = identities.slice(0, LISTED).map((identity) => texts.line(identity.name, identity.daysLeft));
  if (identities.length > LISTED) lines.push(texts.more(identities.length - LISTED));
  return { title: texts.title(identities.length, days), body: lines.join('\n') };
}
