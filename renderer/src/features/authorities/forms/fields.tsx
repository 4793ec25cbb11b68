import { NumberInput, SegmentedControl, Select, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary } from '../../../../../electron/common/dto/ca';
import { KEY_TYPE_OPTIONS, type KeyTypeId } from '../authorities-store';

/** Shared fields of the CA, certificate and CSR forms. */
export function KeyTypeSelect({
  value,
  onChange,
  testId,
}: {
  value: KeyTypeId;
  onChange(value: KeyTypeId): void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('authorities.form.keyType')}
      data={KEY_TYPE_OPTIONS}
      value={value}
      onChange={(next) => next && onChange(next as KeyTypeId)}
      allowDeselect={false}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The name the new CA, certificate or request is listed under: required, and focused when the dialog opens. */
export function NameInput({
  value,
  onChange,
  label,
  description,
  testId,
}: {
  value: string;
  onChange(value: string): void;
  label: string;
  description: string;
  testId: string;
}) {
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      maxLength={200}
      required
      data-autofocus
      data-testid={testId}
    />
  );
}

export type CertificateUse = 'client' | 'server';

/** Whether the certificate (or request) is for a TLS client or a TLS server. */
export function CertificateUseControl({
  value,
  onChange,
  testId,
}: {
  value: CertificateUse;
  onChange(value: CertificateUse): void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      value={value}
      onChange={(next) => onChange(next as CertificateUse)}
      data={[
        { value: 'client', label: t('authorities.issue.client') },
        { value: 'server', label: t('authorities.issue.server') },
      ]}
      data-testid={testId}
    />
  );
}

/** One of the vault's CAs, listed by name. */
export function AuthoritySelect({
  label,
  authorities,
  value,
  onChange,
  testId,
}: {
  label: string;
  authorities: AuthoritySummary[];
  value: string | null;
  onChange(value: string | null): void;
  testId: string;
}) {
  return (
    <Select
      label={label}
      data={authorities.map((ca) => ({ value: ca.id, label: ca.name }))}
      value={value}
      onChange={onChange}
      allowDeselect={false}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function SubjectInput({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value: string;
  onChange(value: string): void;
  placeholder: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('authorities.form.subject')}
      description={t('authorities.form.subjectHint')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      placeholder={placeholder}
      maxLength={2048}
      data-testid={testId}
    />
  );
}

export function DaysInput({
  value,
  onChange,
  description,
  testId,
  max = 36_500,
}: {
  value: number;
  onChange(value: number): void;
  description?: string;
  testId: string;
  max?: number;
}) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('authorities.form.days')}
      description={description}
      value={value}
      onChange={(next) => onChange(typeof next === 'number' ? next : Number.parseInt(next, 10) || 1)}
      min={1}
      max={max}
      allowDecimal={false}
      data-testid={testId}
    />
  );
}

/** Subject alternative names typed as `DNS:…`, `email:…`, `URI:…` or `IP:…` (Enter or comma adds one). */
export function SanInput({
  value,
  onChange,
  testId,
}: {
  value: string[];
  onChange(value: string[]): void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <TagsInput
      label={t('authorities.form.sans')}
      description={t('authorities.form.sansHint', { prefixes: 'DNS:, email:, URI:, IP:' })}
      placeholder="DNS:api.example.com"
      value={value}
      onChange={(next) =>
        onChange(
          next
            .map((entry) => entry.trim())
            .filter(Boolean)
            .slice(0, 100),
        )
      }
      splitChars={[',', ' ']}
      clearable
      data-testid={testId}
    />
  );
}

const DAY_MS = 86_400_000;

/** The validity a form asks for, cut to end with the issuer's (as the engine does): what the user will get. */
export function cappedEnd(days: number, issuerNotAfter: string, now: Date): { end: Date; capped: boolean } {
  const wanted = new Date(now.getTime() + days * DAY_MS);
  const limit = new Date(issuerNotAfter);
  return wanted > limit ? { end: limit, capped: true } : { end: wanted, capped: false };
}

/** 'email:…' from a bare address, 'DNS:…' from a bare host name; typed prefixes are kept */
export function sanFromBasic(value: string, kind: 'email' | 'DNS'): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^(DNS|IP|email|URI):/i.test(trimmed) ? trimmed : `${kind}:${trimmed}`;
}
