import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLE_COLORS, type Role } from './model';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" size="sm" tt="none" data-role={role}>
      {t(`inspect.role.${role}`)}
    </Badge>
  );
}
