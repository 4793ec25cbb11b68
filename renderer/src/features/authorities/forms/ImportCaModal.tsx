import { Button, Code, Group, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconFiles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary } from '../../../../../electron/common/dto/ca';
import { fileName } from '../../../lib/format';
import { studio } from '../../../lib/studio';
import { FormActions, FormModal } from '../FormModal';
import { useCall } from '../useCall';

/** An existing CA (certificate + key, its chain optional) read by main and kept in the vault to issue from. */
export function ImportCaModal({
  onClose,
  onImported,
}: {
  onClose(): void;
  onImported(ca: AuthoritySummary): void;
}) {
  const { t } = useTranslation();
  const [paths, setPaths] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const { busy, error, run } = useCall();

  const choose = async () => {
    const picked = await run(() => studio().files.pick());
    if (picked && picked.paths.length > 0) setPaths(picked.paths.slice(0, 64));
  };
  const submit = async () => {
    const inspected = await run(() => studio().files.inspect({ paths, ...(password ? { password } : {}) }));
    if (!inspected) return;
    const imported = await run(() =>
      studio().ca.import({
        inspectionId: inspected.inspectionId,
        ...(name.trim() ? { name: name.trim() } : {}),
      }),
    );
    void studio().files.forget(inspected.inspectionId);
    if (imported) onImported(imported);
  };

  return (
    <FormModal title={t('authorities.import.title')} testId="import-ca-modal" onClose={onClose}>
      <Stack gap="md">
        <Text size="sm">{t('authorities.import.explain')}</Text>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconFiles size={16} aria-hidden />}
            onClick={() => void choose()}
            data-testid="import-ca-choose"
          >
            {t('authorities.import.choose')}
          </Button>
        </Group>
        {paths.length > 0 && (
          <List size="sm" spacing={2} translate="no">
            {paths.map((path) => (
              <List.Item key={path}>
                <Code>{fileName(path)}</Code>
              </List.Item>
            ))}
          </List>
        )}
        <PasswordInput
          label={t('authorities.import.password')}
          description={t('authorities.import.passwordHint')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          maxLength={1024}
          data-testid="import-ca-password"
        />
        <TextInput
          label={t('authorities.import.name')}
          description={t('authorities.import.nameHint')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={200}
          data-testid="import-ca-name"
        />
        <FormActions
          error={error}
          failedTitle={t('authorities.import.failed')}
          onCancel={onClose}
          submit={{
            label: t('authorities.import.submit'),
            onClick: () => void submit(),
            busy,
            disabled: paths.length === 0,
            testId: 'import-ca-submit',
          }}
        />
      </Stack>
    </FormModal>
  );
}
