import { ActionIcon, Menu } from '@mantine/core';
import { IconBan, IconDots, IconPackageExport } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedEntry } from '../../../../../electron/common/dto/ca';
import { formatDate, formatSerial } from '../../../lib/format';
import { StatusBadge } from '../StatusBadge';
import classes from './IssuedTable.module.css';

/** tall enough for the name and a two-line subject (an 80-character DN) */
export const ISSUED_ROW_HEIGHT = 64;

interface Props {
  entry: IssuedEntry;
  index: number;
  start: number;
  onRevoke(entry: IssuedEntry): void;
  onKit(entry: IssuedEntry): void;
}

/** One issued certificate, placed by the virtualizer at `start`; its actions are a menu reachable by Tab. */
export const IssuedRow = memo(function IssuedRow({ entry, index, start, onRevoke, onKit }: Props) {
  const { t, i18n } = useTranslation();
  const serial = formatSerial(entry.serial);
  const kind = entry.kind ? t(`authorities.issuedKind.${entry.kind}`) : '—';
  const validUntil = formatDate(entry.notAfter, i18n.language);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={classes.row}
      data-testid="issued-row"
      data-serial={entry.serial}
      data-status={entry.status}
      data-index={index}
      style={{ height: ISSUED_ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      <div role="cell" className={classes.cell}>
        <div className={`${classes.line} ${classes.name}`} translate="no" title={entry.name ?? undefined} data-testid="issued-name">
          {entry.name ?? t('authorities.issued.external')}
        </div>
        <div className={classes.subject} translate="no" title={entry.subject}>
          {entry.subject}
        </div>
      </div>
      <div role="cell" className={classes.cell}>
        <div className={`${classes.line} ${classes.serial}`} translate="no" title={serial}>
          {serial}
        </div>
      </div>
      <div role="cell" className={classes.cell}>
        <div className={classes.line} title={kind}>
          {kind}
        </div>
      </div>
      <div role="cell" className={classes.cell}>
        <div
          className={classes.line}
          // a long date ("September 30, 2027") may not fit: the title always holds it, and when it was revoked
          title={entry.revokedAt ? `${validUntil} · ${t('authorities.issued.revokedOn', { date: formatDate(entry.revokedAt, i18n.language) })}` : validUntil}
        >
          {validUntil}
        </div>
      </div>
      <div role="cell" className={classes.cell}>
        <StatusBadge status={entry.status} />
      </div>
      <div role="cell" className={classes.cell}>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('authorities.issued.actions')} data-testid="issued-actions">
              <IconDots size={16} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconPackageExport size={16} aria-hidden />}
              disabled={entry.kind !== 'client' || entry.name === null || entry.status !== 'valid'}
              onClick={() => onKit(entry)}
              data-testid="issued-kit"
            >
              {t('authorities.actions.kit')}
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconBan size={16} aria-hidden />}
              disabled={entry.status === 'revoked'}
              onClick={() => onRevoke(entry)}
              data-testid="issued-revoke"
            >
              {t('authorities.actions.revoke')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </div>
    </div>
  );
});
