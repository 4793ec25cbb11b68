import type { TFunction } from 'i18next';
import type { ErrorDto } from '../../../electron/common/errors';

export interface TranslatedError {
  message: string;
  hint: string;
  /** the file the error is about, when main named one */
  file: string | null;
}

/**
 * An error from main, in the UI language: looked up by its stable code and filled with its params. The English
 * message from main is only shown under "technical details".
 */
export function translateError(t: TFunction, error: ErrorDto): TranslatedError {
  const params = error.params ?? {};
  const file = typeof params.file === 'string' ? params.file : null;
  const values = {
    file: file ?? t('errors.someFile'),
    size: params.size ?? '',
    oid: params.oid ?? params.algorithm ?? t('errors.someAlgorithm'),
    ...params,
  };
  const known = t(`errors.codes.${error.code}.message`, { defaultValue: '' });
  if (!known) return { message: t('errors.codes.INTERNAL.message'), hint: t('errors.codes.INTERNAL.hint'), file };
  return { message: t(`errors.codes.${error.code}.message`, values), hint: t(`errors.codes.${error.code}.hint`, values), file };
}
