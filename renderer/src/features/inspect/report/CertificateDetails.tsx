import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo } from '../../../../../electron/common/dto/inspect';
import { describeKey, formatDateTime, formatFingerprint, formatSerial } from '../../../lib/format';

/** Every field of CertificateInfo, in the order a certificate is read: names, validity, key, extensions, hashes. */
export function CertificateDetails({ cert }: { cert: CertificateInfo }) {
  const { t, i18n } = useTranslation();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const none = t('common.none');
  const mono = (value: string) => <span className="mono">{value}</span>;
  const list = (values: string[] | null, absent = none) => (values === null ? absent : values.length ? values.join(', ') : none);

  const rows: [string, ReactNode][] = [
    ['subject', cert.subject],
    ['commonName', cert.commonName ?? none],
    ['issuer', cert.issuer],
    ['issuerCommonName', cert.issuerCommonName ?? none],
    ['serialNumber', mono(formatSerial(cert.serialNumber))],
    ['notBefore', `${formatDateTime(cert.notBefore, i18n.language)} (${cert.notBefore})`],
    ['notAfter', `${formatDateTime(cert.notAfter, i18n.language)} (${cert.notAfter})`],
    ['publicKey', describeKey(cert.publicKey)],
    ['signatureAlgorithm', cert.signatureAlgorithm],
    ['isCA', yesNo(cert.isCA)],
    ['pathLenConstraint', cert.pathLenConstraint === null ? (cert.isCA ? t('inspect.details.unlimited') : none) : String(cert.pathLenConstraint)],
    ['selfSigned', yesNo(cert.selfSigned)],
    ['subjectAltNames', list(cert.subjectAltNames)],
    ['keyUsage', list(cert.keyUsage)],
    ['extendedKeyUsage', list(cert.extendedKeyUsage, t('inspect.card.ekuAbsent'))],
    ['subjectKeyIdentifier', cert.subjectKeyIdentifier ? mono(formatFingerprint(cert.subjectKeyIdentifier)) : none],
    ['authorityKeyIdentifier', cert.authorityKeyIdentifier ? mono(formatFingerprint(cert.authorityKeyIdentifier)) : none],
    ['sha256', mono(formatFingerprint(cert.sha256))],
    ['sha1', mono(formatFingerprint(cert.sha1))],
    ['friendlyName', cert.friendlyName ?? none],
    ['source', cert.source],
  ];

  return (
    <Table variant="vertical" layout="fixed" withTableBorder verticalSpacing={6} fz="sm" data-testid="certificate-details">
      <Table.Tbody>
        {rows.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Th w={200} style={{ verticalAlign: 'top' }}>
              <Text size="sm" fw={500}>
                {t(`inspect.details.${key}`)}
              </Text>
            </Table.Th>
            <Table.Td className="wrap-anywhere" translate="no">
              {value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
