import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value in a card; the value wraps instead of overflowing. */
export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <div className="wrap-anywhere">{children}</div>
    </Stack>
  );
}
