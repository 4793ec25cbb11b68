import { TagsInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDto } from '../../../../../electron/common/errors';
import { translateError } from '../../../lib/errors';
import { studio } from '../../../lib/studio';

/** Free labels ("production", "partner-a") to find identities by in the search box. */
export function LabelsEditor({ id, labels, onChanged }: { id: string; labels: string[]; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorDto | null>(null);

  const change = async (next: string[]) => {
    const clean = next.map((label) => label.trim()).filter((label) => label.length > 0 && label.length <= 100);
    const add = clean.filter((label) => !labels.includes(label));
    const remove = labels.filter((label) => !clean.includes(label));
    if (add.length === 0 && remove.length === 0) return;
    const result = await studio().vault.label(id, { ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}) });
    setError(result.ok ? null : result.error);
    await onChanged();
  };

  return (
    <TagsInput
      label={t('identities.labels.label')}
      description={t('identities.labels.description')}
      placeholder={t('identities.labels.placeholder', { key: 'Enter' })}
      value={labels}
      onChange={(next) => void change(next)}
      maxTags={64}
      clearable={false}
      error={error ? translateError(t, error).message : null}
      data-testid="labels-input"
    />
  );
}
