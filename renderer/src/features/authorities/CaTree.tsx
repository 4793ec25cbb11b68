import { Badge, NavLink, Paper, Text } from '@mantine/core';
import { IconBuildingBank, IconCornerDownRight } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary } from '../../../../electron/common/dto/ca';
import { depthOf } from './authorities-store';

interface Props {
  authorities: AuthoritySummary[];
  selected: string | null;
  onSelect(id: string): void;
}

/** Roots with their intermediates indented under them (the list arrives in tree order). */
export function CaTree({ authorities, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const depth = useMemo(() => depthOf(authorities), [authorities]);
  return (
    <Paper withBorder radius="md" p={6} data-testid="ca-tree" aria-label={t('authorities.tree')} role="tree">
      {authorities.map((ca) => {
        const level = depth.get(ca.id) ?? 0;
        const Icon = level === 0 ? IconBuildingBank : IconCornerDownRight;
        return (
          <NavLink
            key={ca.id}
            role="treeitem"
            aria-level={level + 1}
            aria-selected={ca.id === selected}
            component="button"
            active={ca.id === selected}
            onClick={() => onSelect(ca.id)}
            data-testid="ca-node"
            data-ca={ca.name}
            data-kind={ca.kind}
            pl={10 + level * 18}
            leftSection={<Icon size={16} stroke={1.6} aria-hidden />}
            label={
              <Text size="sm" fw={600} className="wrap-anywhere" translate="no">
                {ca.name}
              </Text>
            }
            description={
              <Text size="xs" c="dimmed" span>
                {t(`authorities.kind.${ca.kind}`)} · {t('authorities.issuedCount', { n: ca.issued })}
              </Text>
            }
            rightSection={
              ca.revoked > 0 ? (
                <Badge
                  size="xs"
                  color="red"
                  variant="light"
                  title={t('authorities.revokedCount', { n: ca.revoked })}
                >
                  {ca.revoked}
                </Badge>
              ) : null
            }
            styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
          />
        );
      })}
    </Paper>
  );
}
