import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Input,
  List,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KitDto } from '../../../../../electron/common/dto/ca';
import { fileName } from '../../../lib/format';
import { studio } from '../../../lib/studio';
import { FormActions, FormModal } from '../FormModal';
import { useCall } from '../useCall';

type Lang = 'en' | 'zh-CN' | 'zh-TW';
const LANGS: { value: Lang; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'zh-CN', label: '简体中文' },
  { value: 'zh-TW', label: '繁體中文' },
];

/**
 * The partner kit of one issued client identity: a folder with the .p12, the CA chain and a README. The p12's
 * password is generated in main, written into no file, and shown here once: closing the dialog forgets it.
 */
export function KitModal({ identity, onClose }: { identity: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [profile, setProfile] = useState<'modern' | 'compat'>('modern');
  const [lang, setLang] = useState<Lang>(
    (LANGS.find((entry) => entry.value === i18n.language)?.value ?? 'en') as Lang,
  );
  const [testUrl, setTestUrl] = useState('');
  const [kit, setKit] = useState<KitDto | null>(null);
  const { busy, error, run } = useCall();
  const urlOk = testUrl.trim() === '' || /^https:\/\/\S+$/i.test(testUrl.trim());

  const submit = async () => {
    const created = await run(() =>
      studio().ca.kit({ identity, profile, lang, ...(testUrl.trim() ? { testUrl: testUrl.trim() } : {}) }),
    );
    if (created?.created) setKit(created);
  };

  return (
    <FormModal title={t('authorities.kit.title')} testId="kit-modal" onClose={onClose}>
      {kit?.password ? (
        <Stack gap="md" data-testid="kit-done">
          <Text size="sm">{t('authorities.kit.written')}</Text>
          <Group gap="xs" wrap="nowrap">
            <IconFolder size={18} aria-hidden style={{ flexShrink: 0 }} />
            <Text size="sm" ff="monospace" translate="no" className="wrap-anywhere" data-testid="kit-folder">
              {kit.folder}
            </Text>
          </Group>
          <List size="sm" spacing={2} translate="no">
            {kit.files.map((file) => (
              <List.Item key={file}>
                <Code>{fileName(file)}</Code>
              </List.Item>
            ))}
          </List>
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={20} aria-hidden />}
            title={t('authorities.kit.passwordTitle')}
            data-testid="kit-password-box"
          >
            <Stack gap="sm">
              <Group gap="xs" wrap="nowrap">
                <Code
                  fz="lg"
                  fw={700}
                  translate="no"
                  style={{ letterSpacing: 1, userSelect: 'all' }}
                  data-testid="kit-password"
                >
                  {kit.password}
                </Code>
                <CopyButton value={kit.password} timeout={2000}>
                  {({ copied, copy }) => (
                    <Tooltip
                      label={copied ? t('authorities.kit.copied') : t('authorities.kit.copy')}
                      withArrow
                    >
                      <ActionIcon
                        variant={copied ? 'filled' : 'light'}
                        color={copied ? 'teal' : 'gray'}
                        onClick={copy}
                        aria-label={t('authorities.kit.copy')}
                        data-testid="kit-copy"
                      >
                        {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
              <Text size="sm">{t('authorities.kit.passwordWarning')}</Text>
            </Stack>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="kit-close">
              {t('authorities.kit.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            {t('authorities.kit.explain')}{' '}
            <Text span fw={600} translate="no" inherit>
              {identity}
            </Text>
          </Text>
          <Input.Wrapper
            label={t('authorities.kit.profile')}
            description={
              profile === 'modern' ? t('authorities.kit.modernHint') : t('authorities.kit.compatHint')
            }
            inputWrapperOrder={['label', 'input', 'description']}
          >
            <SegmentedControl
              fullWidth
              value={profile}
              onChange={(value) => setProfile(value as 'modern' | 'compat')}
              data={[
                { value: 'modern', label: t('authorities.kit.modern') },
                { value: 'compat', label: t('authorities.kit.compat') },
              ]}
              data-testid="kit-profile"
              mb={4}
            />
          </Input.Wrapper>
          <Select
            label={t('authorities.kit.language')}
            data={LANGS}
            value={lang}
            onChange={(value) => value && setLang(value as Lang)}
            allowDeselect={false}
            data-testid="kit-lang"
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('authorities.kit.testUrl')}
            description={t('authorities.kit.testUrlHint')}
            placeholder="https://api.example.com/health"
            value={testUrl}
            onChange={(event) => setTestUrl(event.currentTarget.value)}
            error={urlOk ? undefined : t('authorities.kit.testUrlInvalid', { scheme: 'https://' })}
            maxLength={2048}
            data-testid="kit-test-url"
          />
          <FormActions
            error={error}
            failedTitle={t('authorities.kit.failed')}
            onCancel={onClose}
            submit={{
              label: t('authorities.kit.submit'),
              onClick: () => void submit(),
              busy,
              disabled: !urlOk,
              testId: 'kit-submit',
            }}
          />
        </Stack>
      )}
    </FormModal>
  );
}
