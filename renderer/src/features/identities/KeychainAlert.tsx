import { Alert, Anchor, Code, Stack, Text } from '@mantine/core';
import { IconLockOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDto } from '../../../../electron/common/errors';
import { studio } from '../../lib/studio';

/** Product names and commands stay as they are in every language (they are passed into the translated text). */
const LINUX = {
  secretService: 'Secret Service',
  services: 'GNOME Keyring, KeePassXC',
  daemon: 'gnome-keyring-daemon',
  commands: ['dbus-run-session -- bash', 'gnome-keyring-daemon --unlock --components=secrets --daemonize'],
};

/**
 * The keychain is missing, locked or refused: said once, above the list (which keeps working), with what to do on
 * this platform. The English text from main stays available under "technical details".
 */
export function KeychainAlert({ error, onClose }: { error: ErrorDto; onClose(): void }) {
  const { t } = useTranslation();
  const [platform, setPlatform] = useState<string | null>(null);
  const [details, setDetails] = useState(false);

  useEffect(() => {
    let live = true;
    void studio()
      .app.info()
      .then((result) => {
        if (live && result.ok) setPlatform(result.value.platform);
      });
    return () => {
      live = false;
    };
  }, []);

  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconLockOff size={22} aria-hidden />}
      title={t('identities.keychain.title')}
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('common.close')}
      role="alert"
      data-testid="keychain-error"
    >
      <Stack gap={8}>
        <Text size="sm" fw={500}>
          {t('identities.keychain.stillWorks')}
        </Text>
        {platform === 'darwin' && <Text size="sm">{t('identities.keychain.macos', { app: 'Keychain Access' })}</Text>}
        {platform === 'win32' && <Text size="sm">{t('identities.keychain.windows', { service: 'Credential Manager', console: 'services.msc', command: 'sc start VaultSvc' })}</Text>}
        {platform !== null && platform !== 'darwin' && platform !== 'win32' && (
          <>
            <Text size="sm">{t('identities.keychain.linux', { secretService: LINUX.secretService, services: LINUX.services })}</Text>
            <Text size="sm">{t('identities.keychain.linuxHeadless')}</Text>
            <Code block translate="no" className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
              {LINUX.commands.join('\n')}
            </Code>
            <Text size="xs" c="dimmed">
              {t('identities.keychain.linuxPassword', { daemon: LINUX.daemon })}
            </Text>
          </>
        )}
        <Anchor component="button" type="button" size="xs" c="dimmed" style={{ alignSelf: 'flex-start' }} onClick={() => setDetails((d) => !d)} aria-expanded={details}>
          {details ? t('errors.hideDetails') : t('errors.showDetails')}
        </Anchor>
        {details && (
          <Code block className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }} translate="no" data-testid="keychain-error-details">
            {[`${error.code}: ${error.message}`, error.hint].filter(Boolean).join('\n\n')}
          </Code>
        )}
      </Stack>
    </Alert>
  );
}
