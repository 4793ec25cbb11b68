import { Alert, Anchor, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDto } from '../../../../electron/common/errors';
import { translateError } from '../../lib/errors';

interface Props {
  title: string;
  error: ErrorDto;
  onClose?: () => void;
}

/** A failure from main in the UI language: what went wrong, with which file, and what to do next. */
export function InspectError({ title, error, onClose }: Props) {
  const { t } = useTranslation();
  const [details, setDetails] = useState(false);
  const text = translateError(t, error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={20} aria-hidden />}
      title={title}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel={t('common.close')}
      role="alert"
      data-testid="inspect-error"
      data-code={error.code}
    >
      <Stack gap={6}>
        <Text size="sm" fw={500} className="wrap-anywhere">
          {text.message}
        </Text>
        {text.hint && (
          <Text size="sm" className="wrap-anywhere">
            {text.hint}
          </Text>
        )}
        <Anchor component="button" type="button" size="xs" c="dimmed" style={{ alignSelf: 'flex-start' }} onClick={() => setDetails((d) => !d)} aria-expanded={details}>
          {details ? t('errors.hideDetails') : t('errors.showDetails')}
        </Anchor>
        {details && (
          <Code block className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }} translate="no">
            {`${error.code}: ${error.message}`}
          </Code>
        )}
      </Stack>
    </Alert>
  );
}
