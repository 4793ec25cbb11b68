import type { ChainFindingCode } from '../../../electron/common/dto/chain';

/**
 * NIST PKITS (Public Key Interoperability Test Suite, certification path validation, 2011 data) sections
 * 4.1 signature verification, 4.2 validity periods, 4.3 name chaining, 4.6 basic constraints, 4.7 key usage —
 * and, beyond what was asked, 4.4 basic certificate revocation, 4.5 self-issued certificates and 4.16 private
 * certificate extensions —
 * transcribed from the PKITS description: for each test the end-entity certificate, the intermediate
 * certificates (trust anchor side first), the CRLs of the path and the expected outcome. The trust anchor is
 * always TrustAnchorRootCertificate.crt. `expect`: 'valid', or the code the first error must carry.
 */
export interface PkitsCase {
  id: string;
  name: string;
  ee: string;
  intermediates: string[];
  crls: string[];
  expect: 'valid' | ChainFindingCode;
  /**
   * A deliberate difference: PKITS expects the path to be rejected, verifyChain accepts it with this warning.
   * PKITS requires a CRL from every CA on the path; verifyChain (like AWS ALB trust stores) checks the CRLs it is
   * given and warns about issuers without one.
   */
  deviation?: 'REVOCATION_NOT_CHECKED';
}

const TA_CRL = 'TrustAnchorRootCRL';
const good = (id: string, name: string, ee: string, expect: PkitsCase['expect']): PkitsCase => ({ id, name, ee, intermediates: ['GoodCACert'], crls: [TA_CRL, 'GoodCACRL'], expect });
const oneCa = (id: string, name: string, ee: string, ca: string, crl: string, expect: PkitsCase['expect']): PkitsCase => ({ id, name, ee, intermediates: [ca], crls: [TA_CRL, crl], expect });

export const PKITS_CASES: PkitsCase[] = [
  // 4.1 Signature Verification
  good('4.1.1', 'Valid Signatures Test1', 'ValidCertificatePathTest1EE', 'valid'),
  oneCa('4.1.2', 'Invalid CA Signature Test2', 'InvalidCASignatureTest2EE', 'BadSignedCACert', 'BadSignedCACRL', 'BAD_SIGNATURE'),
  good('4.1.3', 'Invalid EE Signature Test3', 'InvalidEESignatureTest3EE', 'BAD_SIGNATURE'),
  oneCa('4.1.4', 'Valid DSA Signatures Test4', 'ValidDSASignaturesTest4EE', 'DSACACert', 'DSACACRL', 'valid'),
  {
    id: '4.1.5',
    name: 'Valid DSA Parameter Inheritance Test5',
    ee: 'ValidDSAParameterInheritanceTest5EE',
    intermediates: ['DSACACert', 'DSAParametersInheritedCACert'],
    crls: [TA_CRL, 'DSACACRL', 'DSAParametersInheritedCACRL'],
    expect: 'valid',
  },
  oneCa('4.1.6', 'Invalid DSA Signature Test6', 'InvalidDSASignatureTest6EE', 'DSACACert', 'DSACACRL', 'BAD_SIGNATURE'),

  // 4.2 Validity Periods
  oneCa('4.2.1', 'Invalid CA notBefore Date Test1', 'InvalidCAnotBeforeDateTest1EE', 'BadnotBeforeDateCACert', 'BadnotBeforeDateCACRL', 'CERT_NOT_YET_VALID'),
  good('4.2.2', 'Invalid EE notBefore Date Test2', 'InvalidEEnotBeforeDateTest2EE', 'CERT_NOT_YET_VALID'),
  good('4.2.3', 'Valid pre2000 UTC notBefore Date Test3', 'Validpre2000UTCnotBeforeDateTest3EE', 'valid'),
  good('4.2.4', 'Valid GeneralizedTime notBefore Date Test4', 'ValidGeneralizedTimenotBeforeDateTest4EE', 'valid'),
  oneCa('4.2.5', 'Invalid CA notAfter Date Test5', 'InvalidCAnotAfterDateTest5EE', 'BadnotAfterDateCACert', 'BadnotAfterDateCACRL', 'CERT_EXPIRED'),
  good('4.2.6', 'Invalid EE notAfter Date Test6', 'InvalidEEnotAfterDateTest6EE', 'CERT_EXPIRED'),
  good('4.2.7', 'Invalid pre2000 UTC EE notAfter Date Test7', 'Invalidpre2000UTCEEnotAfterDateTest7EE', 'CERT_EXPIRED'),
  good('4.2.8', 'Valid GeneralizedTime notAfter Date Test8', 'ValidGeneralizedTimenotAfterDateTest8EE', 'valid'),

  // 4.3 Verifying Name Chaining
  good('4.3.1', 'Invalid Name Chaining EE Test1', 'InvalidNameChainingTest1EE', 'NAME_CHAINING'),
  oneCa('4.3.2', 'Invalid Name Chaining Order Test2', 'InvalidNameChainingOrderTest2EE', 'NameOrderingCACert', 'NameOrderCACRL', 'NAME_CHAINING'),
  good('4.3.3', 'Valid Name Chaining Whitespace Test3', 'ValidNameChainingWhitespaceTest3EE', 'valid'),
  good('4.3.4', 'Valid Name Chaining Whitespace Test4', 'ValidNameChainingWhitespaceTest4EE', 'valid'),
  good('4.3.5', 'Valid Name Chaining Capitalization Test5', 'ValidNameChainingCapitalizationTest5EE', 'valid'),
  oneCa('4.3.6', 'Valid Name Chaining UIDs Test6', 'ValidNameUIDsTest6EE', 'UIDCACert', 'UIDCACRL', 'valid'),
  oneCa('4.3.7', 'Valid RFC3280 Mandatory Attribute Types Test7', 'ValidRFC3280MandatoryAttributeTypesTest7EE', 'RFC3280MandatoryAttributeTypesCACert', 'RFC3280MandatoryAttributeTypesCACRL', 'valid'),
  oneCa('4.3.8', 'Valid RFC3280 Optional Attribute Types Test8', 'ValidRFC3280OptionalAttributeTypesTest8EE', 'RFC3280OptionalAttributeTypesCACert', 'RFC3280OptionalAttributeTypesCACRL', 'valid'),
  oneCa('4.3.9', 'Valid UTF8String Encoded Names Test9', 'ValidUTF8StringEncodedNamesTest9EE', 'UTF8StringEncodedNamesCACert', 'UTF8StringEncodedNamesCACRL', 'valid'),
  oneCa('4.3.10', 'Valid Rollover from PrintableString to UTF8String Test10', 'ValidRolloverfromPrintableStringtoUTF8StringTest10EE', 'RolloverfromPrintableStringtoUTF8StringCACert', 'RolloverfromPrintableStringtoUTF8StringCACRL', 'valid'),
  oneCa('4.3.11', 'Valid UTF8String Case Insensitive Match Test11', 'ValidUTF8StringCaseInsensitiveMatchTest11EE', 'UTF8StringCaseInsensitiveMatchCACert', 'UTF8StringCaseInsensitiveMatchCACRL', 'valid'),

  // 4.6 Verifying Basic Constraints
  oneCa('4.6.1', 'Invalid Missing basicConstraints Test1', 'InvalidMissingbasicConstraintsTest1EE', 'MissingbasicConstraintsCACert', 'MissingbasicConstraintsCACRL', 'ISSUER_NOT_CA'),
  oneCa('4.6.2', 'Invalid cA False Test2', 'InvalidcAFalseTest2EE', 'basicConstraintsCriticalcAFalseCACert', 'basicConstraintsCriticalcAFalseCACRL', 'ISSUER_NOT_CA'),
  oneCa('4.6.3', 'Invalid cA False Test3', 'InvalidcAFalseTest3EE', 'basicConstraintsNotCriticalcAFalseCACert', 'basicConstraintsNotCriticalcAFalseCACRL', 'ISSUER_NOT_CA'),
  oneCa('4.6.4', 'Valid basicConstraints Not Critical Test4', 'ValidbasicConstraintsNotCriticalTest4EE', 'basicConstraintsNotCriticalCACert', 'basicConstraintsNotCriticalCACRL', 'valid'),
  ...(['5', '6'] as const).map(
    (n): PkitsCase => ({
      id: `4.6.${n}`,
      name: `Invalid pathLenConstraint Test${n}`,
      ee: `InvalidpathLenConstraintTest${n}EE`,
      intermediates: ['pathLenConstraint0CACert', 'pathLenConstraint0subCACert'],
      crls: [TA_CRL, 'pathLenConstraint0CACRL', 'pathLenConstraint0subCACRL'],
      expect: 'PATH_LENGTH_EXCEEDED',
    }),
  ),
  oneCa('4.6.7', 'Valid pathLenConstraint Test7', 'ValidpathLenConstraintTest7EE', 'pathLenConstraint0CACert', 'pathLenConstraint0CACRL', 'valid'),
  oneCa('4.6.8', 'Valid pathLenConstraint Test8', 'ValidpathLenConstraintTest8EE', 'pathLenConstraint0CACert', 'pathLenConstraint0CACRL', 'valid'),
  ...(['9', '10'] as const).map(
    (n): PkitsCase => ({
      id: `4.6.${n}`,
      name: `Invalid pathLenConstraint Test${n}`,
      ee: `InvalidpathLenConstraintTest${n}EE`,
      intermediates: ['pathLenConstraint6CACert', 'pathLenConstraint6subCA0Cert', 'pathLenConstraint6subsubCA00Cert'],
      crls: [TA_CRL, 'pathLenConstraint6CACRL', 'pathLenConstraint6subCA0CRL', 'pathLenConstraint6subsubCA00CRL'],
      expect: 'PATH_LENGTH_EXCEEDED',
    }),
  ),
  ...(['11', '12'] as const).map(
    (n): PkitsCase => ({
      id: `4.6.${n}`,
      name: `Invalid pathLenConstraint Test${n}`,
      ee: `InvalidpathLenConstraintTest${n}EE`,
      intermediates: ['pathLenConstraint6CACert', 'pathLenConstraint6subCA1Cert', 'pathLenConstraint6subsubCA11Cert', 'pathLenConstraint6subsubsubCA11XCert'],
      crls: [TA_CRL, 'pathLenConstraint6CACRL', 'pathLenConstraint6subCA1CRL', 'pathLenConstraint6subsubCA11CRL', 'pathLenConstraint6subsubsubCA11XCRL'],
      expect: 'PATH_LENGTH_EXCEEDED',
    }),
  ),
  ...(['13', '14'] as const).map(
    (n): PkitsCase => ({
      id: `4.6.${n}`,
      name: `Valid pathLenConstraint Test${n}`,
      ee: `ValidpathLenConstraintTest${n}EE`,
      intermediates: ['pathLenConstraint6CACert', 'pathLenConstraint6subCA4Cert', 'pathLenConstraint6subsubCA41Cert', 'pathLenConstraint6subsubsubCA41XCert'],
      crls: [TA_CRL, 'pathLenConstraint6CACRL', 'pathLenConstraint6subCA4CRL', 'pathLenConstraint6subsubCA41CRL', 'pathLenConstraint6subsubsubCA41XCRL'],
      expect: 'valid',
    }),
  ),
  {
    id: '4.6.15',
    name: 'Valid Self-Issued pathLenConstraint Test15',
    ee: 'ValidSelfIssuedpathLenConstraintTest15EE',
    intermediates: ['pathLenConstraint0CACert', 'pathLenConstraint0SelfIssuedCACert'],
    crls: [TA_CRL, 'pathLenConstraint0CACRL'],
    expect: 'valid',
  },
  {
    id: '4.6.16',
    name: 'Invalid Self-Issued pathLenConstraint Test16',
    ee: 'InvalidSelfIssuedpathLenConstraintTest16EE',
    intermediates: ['pathLenConstraint0CACert', 'pathLenConstraint0SelfIssuedCACert', 'pathLenConstraint0subCA2Cert'],
    crls: [TA_CRL, 'pathLenConstraint0CACRL', 'pathLenConstraint0subCA2CRL'],
    expect: 'PATH_LENGTH_EXCEEDED',
  },
  {
    id: '4.6.17',
    name: 'Valid Self-Issued pathLenConstraint Test17',
    ee: 'ValidSelfIssuedpathLenConstraintTest17EE',
    intermediates: ['pathLenConstraint1CACert', 'pathLenConstraint1SelfIssuedCACert', 'pathLenConstraint1subCACert', 'pathLenConstraint1SelfIssuedsubCACert'],
    crls: [TA_CRL, 'pathLenConstraint1CACRL', 'pathLenConstraint1subCACRL'],
    expect: 'valid',
  },

  // 4.7 Key Usage
  oneCa('4.7.1', 'Invalid keyUsage Critical keyCertSign False Test1', 'InvalidkeyUsageCriticalkeyCertSignFalseTest1EE', 'keyUsageCriticalkeyCertSignFalseCACert', 'keyUsageCriticalkeyCertSignFalseCACRL', 'ISSUER_KEY_USAGE'),
  oneCa('4.7.2', 'Invalid keyUsage Not Critical keyCertSign False Test2', 'InvalidkeyUsageNotCriticalkeyCertSignFalseTest2EE', 'keyUsageNotCriticalkeyCertSignFalseCACert', 'keyUsageNotCriticalkeyCertSignFalseCACRL', 'ISSUER_KEY_USAGE'),
  oneCa('4.7.3', 'Valid keyUsage Not Critical Test3', 'ValidkeyUsageNotCriticalTest3EE', 'keyUsageNotCriticalCACert', 'keyUsageNotCriticalCACRL', 'valid'),
  oneCa('4.7.4', 'Invalid keyUsage Critical cRLSign False Test4', 'InvalidkeyUsageCriticalcRLSignFalseTest4EE', 'keyUsageCriticalcRLSignFalseCACert', 'keyUsageCriticalcRLSignFalseCACRL', 'CRL_INVALID'),
  oneCa('4.7.5', 'Invalid keyUsage Not Critical cRLSign False Test5', 'InvalidkeyUsageNotCriticalcRLSignFalseTest5EE', 'keyUsageNotCriticalcRLSignFalseCACert', 'keyUsageNotCriticalcRLSignFalseCACRL', 'CRL_INVALID'),

  // 4.4 Basic Certificate Revocation Tests
  { id: '4.4.1', name: 'Invalid Missing CRL Test1', ee: 'InvalidMissingCRLTest1EE', intermediates: ['NoCRLCACert'], crls: [TA_CRL], expect: 'valid', deviation: 'REVOCATION_NOT_CHECKED' },
  {
    id: '4.4.2',
    name: 'Invalid Revoked CA Test2',
    ee: 'InvalidRevokedCATest2EE',
    intermediates: ['GoodCACert', 'RevokedsubCACert'],
    crls: [TA_CRL, 'GoodCACRL', 'RevokedsubCACRL'],
    expect: 'REVOKED',
  },
  good('4.4.3', 'Invalid Revoked EE Test3', 'InvalidRevokedEETest3EE', 'REVOKED'),
  oneCa('4.4.4', 'Invalid Bad CRL Signature Test4', 'InvalidBadCRLSignatureTest4EE', 'BadCRLSignatureCACert', 'BadCRLSignatureCACRL', 'CRL_INVALID'),
  { ...oneCa('4.4.5', 'Invalid Bad CRL Issuer Name Test5', 'InvalidBadCRLIssuerNameTest5EE', 'BadCRLIssuerNameCACert', 'BadCRLIssuerNameCACRL', 'valid'), deviation: 'REVOCATION_NOT_CHECKED' },
  { ...oneCa('4.4.6', 'Invalid Wrong CRL Test6', 'InvalidWrongCRLTest6EE', 'WrongCRLCACert', 'WrongCRLCACRL', 'valid'), deviation: 'REVOCATION_NOT_CHECKED' },
  { id: '4.4.7', name: 'Valid Two CRLs Test7', ee: 'ValidTwoCRLsTest7EE', intermediates: ['TwoCRLsCACert'], crls: [TA_CRL, 'TwoCRLsCAGoodCRL', 'TwoCRLsCABadCRL'], expect: 'valid' },
  oneCa('4.4.8', 'Invalid Unknown CRL Entry Extension Test8', 'InvalidUnknownCRLEntryExtensionTest8EE', 'UnknownCRLEntryExtensionCACert', 'UnknownCRLEntryExtensionCACRL', 'CRL_INVALID'),
  oneCa('4.4.9', 'Invalid Unknown CRL Extension Test9', 'InvalidUnknownCRLExtensionTest9EE', 'UnknownCRLExtensionCACert', 'UnknownCRLExtensionCACRL', 'CRL_INVALID'),
  oneCa('4.4.10', 'Invalid Unknown CRL Extension Test10', 'InvalidUnknownCRLExtensionTest10EE', 'UnknownCRLExtensionCACert', 'UnknownCRLExtensionCACRL', 'CRL_INVALID'),
  oneCa('4.4.11', 'Invalid Old CRL nextUpdate Test11', 'InvalidOldCRLnextUpdateTest11EE', 'OldCRLnextUpdateCACert', 'OldCRLnextUpdateCACRL', 'CRL_EXPIRED'),
  oneCa('4.4.12', 'Invalid pre2000 CRL nextUpdate Test12', 'Invalidpre2000CRLnextUpdateTest12EE', 'pre2000CRLnextUpdateCACert', 'pre2000CRLnextUpdateCACRL', 'CRL_EXPIRED'),
  oneCa('4.4.13', 'Valid GeneralizedTime CRL nextUpdate Test13', 'ValidGeneralizedTimeCRLnextUpdateTest13EE', 'GeneralizedTimeCRLnextUpdateCACert', 'GeneralizedTimeCRLnextUpdateCACRL', 'valid'),
  oneCa('4.4.14', 'Valid Negative Serial Number Test14', 'ValidNegativeSerialNumberTest14EE', 'NegativeSerialNumberCACert', 'NegativeSerialNumberCACRL', 'valid'),
  oneCa('4.4.15', 'Invalid Negative Serial Number Test15', 'InvalidNegativeSerialNumberTest15EE', 'NegativeSerialNumberCACert', 'NegativeSerialNumberCACRL', 'REVOKED'),
  oneCa('4.4.16', 'Valid Long Serial Number Test16', 'ValidLongSerialNumberTest16EE', 'LongSerialNumberCACert', 'LongSerialNumberCACRL', 'valid'),
  oneCa('4.4.17', 'Valid Long Serial Number Test17', 'ValidLongSerialNumberTest17EE', 'LongSerialNumberCACert', 'LongSerialNumberCACRL', 'valid'),
  oneCa('4.4.18', 'Invalid Long Serial Number Test18', 'InvalidLongSerialNumberTest18EE', 'LongSerialNumberCACert', 'LongSerialNumberCACRL', 'REVOKED'),
  ...(
    [
      ['19', 'Valid', 'valid'],
      ['20', 'Invalid', 'REVOKED'],
    ] as const
  ).map(
    ([n, kind, expect]): PkitsCase => ({
      id: `4.4.${n}`,
      name: `${kind} Separate Certificate and CRL Keys Test${n}`,
      ee: `${kind}SeparateCertificateandCRLKeysTest${n}EE`,
      intermediates: ['SeparateCertificateandCRLKeysCertificateSigningCACert', 'SeparateCertificateandCRLKeysCRLSigningCert'],
      crls: [TA_CRL, 'SeparateCertificateandCRLKeysCRL'],
      expect,
    }),
  ),
  {
    id: '4.4.21',
    name: 'Invalid Separate Certificate and CRL Keys Test21',
    ee: 'InvalidSeparateCertificateandCRLKeysTest21EE',
    intermediates: ['SeparateCertificateandCRLKeysCA2CertificateSigningCACert', 'SeparateCertificateandCRLKeysCA2CRLSigningCert'],
    crls: [TA_CRL, 'SeparateCertificateandCRLKeysCA2CRL'],
    expect: 'CRL_INVALID',
  },

  // 4.5 Verifying Paths with Self-Issued Certificates
  ...(
    [
      ['1', 'ValidBasicSelfIssuedOldWithNewTest1EE', 'valid'],
      ['2', 'InvalidBasicSelfIssuedOldWithNewTest2EE', 'REVOKED'],
    ] as const
  ).map(
    ([n, ee, expect]): PkitsCase => ({
      id: `4.5.${n}`,
      name: `${expect === 'valid' ? 'Valid' : 'Invalid'} Basic Self-Issued Old With New Test${n}`,
      ee,
      intermediates: ['BasicSelfIssuedNewKeyCACert', 'BasicSelfIssuedNewKeyOldWithNewCACert'],
      crls: [TA_CRL, 'BasicSelfIssuedNewKeyCACRL'],
      expect,
    }),
  ),
  ...(
    [
      ['3', 'ValidBasicSelfIssuedNewWithOldTest3EE', 'valid'],
      ['4', 'ValidBasicSelfIssuedNewWithOldTest4EE', 'valid'],
      ['5', 'InvalidBasicSelfIssuedNewWithOldTest5EE', 'REVOKED'],
    ] as const
  ).map(
    ([n, ee, expect]): PkitsCase => ({
      id: `4.5.${n}`,
      name: `${expect === 'valid' ? 'Valid' : 'Invalid'} Basic Self-Issued New With Old Test${n}`,
      ee,
      intermediates: ['BasicSelfIssuedOldKeyCACert', 'BasicSelfIssuedOldKeyNewWithOldCACert'],
      crls: [TA_CRL, 'BasicSelfIssuedOldKeySelfIssuedCertCRL', 'BasicSelfIssuedOldKeyCACRL'],
      expect,
    }),
  ),
  ...(
    [
      ['6', 'ValidBasicSelfIssuedCRLSigningKeyTest6EE', 'valid'],
      ['7', 'InvalidBasicSelfIssuedCRLSigningKeyTest7EE', 'REVOKED'],
      ['8', 'InvalidBasicSelfIssuedCRLSigningKeyTest8EE', 'ISSUER_NOT_CA'],
    ] as const
  ).map(
    ([n, ee, expect]): PkitsCase => ({
      id: `4.5.${n}`,
      name: `${expect === 'valid' ? 'Valid' : 'Invalid'} Basic Self-Issued CRL Signing Key Test${n}`,
      ee,
      intermediates: ['BasicSelfIssuedCRLSigningKeyCACert', 'BasicSelfIssuedCRLSigningKeyCRLCert'],
      crls: [TA_CRL, 'BasicSelfIssuedCRLSigningKeyCRLCertCRL', 'BasicSelfIssuedCRLSigningKeyCACRL'],
      expect,
    }),
  ),

  // 4.16 Private Certificate Extensions
  { id: '4.16.1', name: 'Valid Unknown Not Critical Certificate Extension Test1', ee: 'ValidUnknownNotCriticalCertificateExtensionTest1EE', intermediates: [], crls: [TA_CRL], expect: 'valid' },
  { id: '4.16.2', name: 'Invalid Unknown Critical Certificate Extension Test2', ee: 'InvalidUnknownCriticalCertificateExtensionTest2EE', intermediates: [], crls: [TA_CRL], expect: 'UNSUPPORTED_CRITICAL_EXTENSION' },
];
