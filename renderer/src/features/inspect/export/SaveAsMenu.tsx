import { Button, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconDeviceFloppy } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHOICES, type ChoiceInfo, type ExportChoice } from './choices';

interface Props {
  hasKey: boolean;
  busy: boolean;
  onPick(choice: ExportChoice): void;
  /** the formats offered (default: every one) */
  choices?: readonly ChoiceInfo[];
  /** a line above the formats */
  note?: ReactNode;
  label?: string;
  testId?: string;
}

/** Every output format, one line on who takes it; formats that need the private key are off without one. */
export function SaveAsMenu({ hasKey, busy, onPick, choices = CHOICES, note, label, testId = 'save-as' }: Props) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" shadow="md" width={340} withinPortal>
      <Menu.Target>
        <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} rightSection={<IconChevronDown size={16} aria-hidden />} loading={busy} data-testid={testId}>
          {label ?? t('export.saveAs')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid={`${testId}-menu`}>
        {note && (
          <Text size="xs" c="dimmed" px="sm" py={6} maw={320}>
            {note}
          </Text>
        )}
        {choices.map((choice, i) => {
          const disabled = choice.needsKey && !hasKey;
          const item = (
            <Menu.Item
              disabled={disabled}
              onClick={() => onPick(choice.id)}
              data-choice={choice.id}
              style={disabled ? { pointerEvents: 'none' } : undefined}
            >
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {t(`export.choices.${choice.id}.label`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`export.choices.${choice.id}.description`)}
                </Text>
              </Stack>
            </Menu.Item>
          );
          return (
            <Fragment key={choice.id}>
              {i === 2 && <Menu.Divider />}
              {disabled ? (
                <Tooltip label={t('export.needsKey')} position="left" withArrow multiline w={240}>
                  <div data-disabled-choice={choice.id}>{item}</div>
                </Tooltip>
              ) : (
                item
              )}
            </Fragment>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
