import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { passwordStrength } from './choices';

const LOOK = [
  { color: 'gray', value: 0 },
  { color: 'red', value: 33 },
  { color: 'yellow', value: 66 },
  { color: 'teal', value: 100 },
] as const;
const KEYS = ['empty', 'weak', 'fair', 'strong'] as const;

export function PasswordStrength({ password }: { password: string }) {
  const { t } = useTranslation();
  const score = passwordStrength(password);
  return (
    <Stack gap={4}>
      <Progress value={LOOK[score].value} color={LOOK[score].color} size="sm" aria-hidden />
      <Text size="xs" c="dimmed" aria-live="polite" data-testid="password-strength">
        {t(`export.strength.${KEYS[score]}`)}
      </Text>
    </Stack>
  );
}
