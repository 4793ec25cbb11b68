import { List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRequest, ExportResponse } from '../../../../../electron/common/dto/files';
import type { Pkcs12Profile } from '../../../../../electron/common/dto/inspect';
import type { ErrorDto } from '../../../../../electron/common/errors';
import type { Result } from '../../../../../electron/common/result';
import { studio } from '../../../lib/studio';
import { CHOICES, type ExportChoice } from './choices';

export interface Exporter {
  busy: boolean;
  error: ErrorDto | null;
  /** the open dialog, if any */
  p12Profile: Pkcs12Profile | null;
  pemOpen: boolean;
  start(choice: ExportChoice): void;
  submitP12(password: string): void;
  submitPem(options: { includeKey: boolean; password?: string }): void;
  cancel(): void;
  dismissError(): void;
}

/** What an export asks of main, whatever is exported (inspected files, or an identity of the vault). */
export type ExportOptions = Omit<ExportRequest, 'inspectionId' | 'select'>;
export type ExportSender = (options: ExportOptions) => Promise<Result<ExportResponse>>;

/** Exports inspected files (files.export). */
export function useExport(inspectionId: string, select: string | undefined): Exporter {
  return useExportRunner((options) => studio().files.export({ inspectionId, ...options, ...(select ? { select } : {}) }));
}

/**
 * Runs an export: main asks where to save (native dialog), writes, and reports what it wrote. A dismissed save
 * dialog is not an error and shows nothing. `onError` sees every failure (the vault notes a missing keychain).
 */
export function useExportRunner(send: ExportSender, onError?: (error: ErrorDto) => void, onSaved?: () => void): Exporter {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [p12Profile, setP12Profile] = useState<Pkcs12Profile | null>(null);
  const [pemOpen, setPemOpen] = useState(false);

  const run = async (request: ExportOptions, keyUnencrypted: boolean) => {
    setBusy(true);
    setError(null);
    const result = await send(request);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      onError?.(result.error);
      return;
    }
    if (!result.value.saved) return;
    onSaved?.();
    const { written, warnings } = result.value;
    notifications.show({
      color: 'teal',
      title: t('export.saved.title'),
      autoClose: 8000,
      withCloseButton: true,
      closeButtonProps: { 'aria-label': t('common.close') },
      message: (
        <Stack gap={6} data-testid="export-saved">
          <Text size="sm">{t('export.saved.written')}</Text>
          <List size="sm" spacing={2}>
            {written.map((path) => (
              <List.Item key={path}>
                <Text size="sm" className="mono wrap-anywhere" data-written={path} translate="no">
                  {path}
                </Text>
              </List.Item>
            ))}
          </List>
          {keyUnencrypted && (
            <Text size="sm" c="orange">
              {t('export.saved.keyUnencrypted')}
            </Text>
          )}
          {/* core's warnings are English; the one it has today (key written unencrypted) is shown translated above */}
          {warnings.length > 0 && !keyUnencrypted && (
            <>
              <Text size="sm" fw={500}>
                {t('export.saved.warnings')}
              </Text>
              <List size="sm" spacing={2}>
                {warnings.map((w) => (
                  <List.Item key={w}>
                    <Text size="sm" className="wrap-anywhere">
                      {w}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      ),
    });
  };

  return {
    busy,
    error,
    p12Profile,
    pemOpen,
    start(choice) {
      const info = CHOICES.find((c) => c.id === choice);
      if (!info) return;
      if (info.format === 'p12') setP12Profile(info.profile ?? 'modern');
      else if (info.format === 'pem') setPemOpen(true);
      else void run({ format: info.format }, info.format === 'acm');
    },
    submitP12(password) {
      const profile = p12Profile ?? 'modern';
      setP12Profile(null);
      void run({ format: 'p12', profile, outPassword: password }, false);
    },
    submitPem({ includeKey, password }) {
      setPemOpen(false);
      void run({ format: 'pem', includeKey, ...(password ? { outPassword: password } : {}) }, includeKey && !password);
    },
    cancel() {
      setP12Profile(null);
      setPemOpen(false);
    },
    dismissError: () => setError(null),
  };
}
