import { Button, Group, Modal, ScrollArea, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDto } from '../../../../electron/common/errors';
import { InspectError } from '../inspect/InspectError';

/** The frame every Authorities dialog shares: always open while mounted, a translated close button. */
export function FormModal({
  title,
  testId,
  onClose,
  size = 'lg',
  scrolls = false,
  children,
}: {
  title: string;
  testId: string;
  onClose(): void;
  size?: string;
  /** long forms scroll inside the dialog instead of the page */
  scrolls?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      size={size}
      title={title}
      data-testid={testId}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      {...(scrolls ? { scrollAreaComponent: ScrollArea.Autosize } : {})}
    >
      {children}
    </Modal>
  );
}

export interface SubmitAction {
  label: string;
  onClick(): void;
  busy: boolean;
  disabled?: boolean;
  testId: string;
  color?: ButtonProps['color'];
}

/**
 * The end of a form: the call's error (under `failedTitle`), then Cancel and the submit button on the right.
 * Without `submit` (the work is done) only the dismiss button stays, labelled `cancelLabel`.
 */
export function FormActions({
  error,
  failedTitle,
  onCancel,
  cancelLabel,
  submit,
}: {
  error: ErrorDto | null;
  failedTitle: string;
  onCancel(): void;
  cancelLabel?: string;
  submit?: SubmitAction;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && <InspectError title={failedTitle} error={error} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </Button>
        {submit && (
          <Button
            color={submit.color}
            onClick={submit.onClick}
            loading={submit.busy}
            disabled={submit.disabled}
            data-testid={submit.testId}
          >
            {submit.label}
          </Button>
        )}
      </Group>
    </>
  );
}
