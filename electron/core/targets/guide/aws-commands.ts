import type { AwsCommand, GuideTarget, GuideValues, TargetGuide } from '../../../common/dto/targets';
import { StudioError } from '../../../common/errors';
import { certificatePlacement, partitionOf } from './placement';
import { shellLine, shellLines } from './shell-quote';

/**
 * Ready-to-run AWS CLI commands for putting a server certificate and a client-CA trust store in place, filled with
 * the user's values and file names. Each command is an argv array (what a program would exec); `shell` is the
 * same array quoted for a POSIX shell. A value not given stays a visible <PLACEHOLDER> and is listed in `missing`.
 */

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const ARN_FIELDS = ['trustStoreArn', 'loadBalancerArn', 'targetGroupArn', 'certificateArn'] as const;

function validate(values: GuideValues): void {
  if (values.region !== undefined && !REGION.test(values.region)) {
    throw new StudioError('INVALID_ARGUMENT', `'${values.region}' is not an AWS region name`, { hint: 'Use a region code such as us-east-1, eu-west-1 or cn-north-1.' });
  }
  const partition = partitionOf(values.region);
  for (const field of ARN_FIELDS) {
    const arn = values[field];
    if (arn === undefined) continue;
    const match = arn.match(/^arn:(aws(?:-cn|-us-gov)?):/);
    if (!match) throw new StudioError('INVALID_ARGUMENT', `${field} '${arn}' is not an ARN`, { hint: 'ARNs start with arn:aws: (or arn:aws-cn: in AWS China).' });
    if (values.region !== undefined && match[1] !== partition && !(partition === 'aws' && match[1] === 'aws-us-gov')) {
      throw new StudioError('INVALID_ARGUMENT', `${field} is in partition ${match[1]} but region ${values.region} is in ${partition}`, { hint: partition === 'aws-cn' ? 'Resources in AWS China have ARNs starting arn:aws-cn:.' : 'Resources outside AWS China have ARNs starting arn:aws:.' });
    }
  }
}

class Filler {
  readonly missing = new Set<string>();
  constructor(private readonly values: GuideValues) {}
  value(field: keyof GuideValues, placeholder: string, fallback?: string): string {
    const given = this.values[field];
    if (typeof given === 'string' && given.trim() !== '') return given.trim();
    if (fallback !== undefined) return fallback;
    this.missing.add(field);
    return `<${placeholder}>`;
  }
}

const command = (id: string, purpose: string, argv: string[]): AwsCommand => ({ id, purpose, argv, shell: shellLine(argv), multiline: shellLines(argv) });

function acmImport(f: Filler, region: string): AwsCommand {
  return command('acm-import', `import the server certificate into ACM in ${region}`, [
    'aws', 'acm', 'import-certificate',
    '--certificate', `fileb://${f.value('certFile', 'CERT_FILE', 'server.pem')}`,
    '--private-key', `fileb://${f.value('keyFile', 'KEY_FILE', 'server.key')}`,
    '--certificate-chain', `fileb://${f.value('chainFile', 'CHAIN_FILE', 'chain.pem')}`,
    '--region', region,
  ]);
}

function s3Copy(f: Filler, region: string): AwsCommand {
  const bucket = f.value('bucket', 'BUCKET');
  const key = f.value('bundleKey', 'BUNDLE_KEY', 'truststore/ca-bundle.pem');
  return command('s3-cp-bundle', 'upload the trust-store bundle (client CAs, PEM) to S3', ['aws', 's3', 'cp', f.value('bundleFile', 'BUNDLE_FILE', 'ca-bundle.pem'), `s3://${bucket}/${key}`, '--region', region]);
}

function albCommands(f: Filler, values: GuideValues, region: string): AwsCommand[] {
  const bucket = f.value('bucket', 'BUCKET');
  const key = f.value('bundleKey', 'BUNDLE_KEY', 'truststore/ca-bundle.pem');
  const mode = values.albMode ?? 'verify';
  const mutual =
    mode === 'passthrough'
      ? 'Mode=passthrough'
      : [
          'Mode=verify',
          `TrustStoreArn=${f.value('trustStoreArn', 'TRUST_STORE_ARN')}`,
          `IgnoreClientCertificateExpiry=${values.ignoreClientCertificateExpiry === true ? 'true' : 'false'}`,
          ...(values.advertiseCaNames === undefined ? [] : [`AdvertiseTrustStoreCaNames=${values.advertiseCaNames ? 'on' : 'off'}`]),
        ].join(',');
  const commands = [acmImport(f, region), s3Copy(f, region)];
  if (mode === 'verify') {
    const name = f.value('trustStoreName', 'TRUST_STORE_NAME', 'mtls-clients');
    commands.push(
      command('elbv2-create-trust-store', 'create the ALB trust store from the bundle in S3', ['aws', 'elbv2', 'create-trust-store', '--name', name, '--ca-certificates-bundle-s3-bucket', bucket, '--ca-certificates-bundle-s3-key', key, '--region', region]),
      command('elbv2-modify-trust-store', 'replace the trust store’s CAs with a new bundle (the whole bundle is replaced)', ['aws', 'elbv2', 'modify-trust-store', '--trust-store-arn', f.value('trustStoreArn', 'TRUST_STORE_ARN'), '--ca-certificates-bundle-s3-bucket', bucket, '--ca-certificates-bundle-s3-key', key, '--region', region]),
    );
  }
  commands.push(
    command('elbv2-create-listener', `create the HTTPS listener with mutual TLS in ${mode} mode`, [
      'aws', 'elbv2', 'create-listener',
      '--load-balancer-arn', f.value('loadBalancerArn', 'LOAD_BALANCER_ARN'),
      '--protocol', 'HTTPS', '--port', '443',
      '--certificates', `CertificateArn=${f.value('certificateArn', 'CERTIFICATE_ARN')}`,
      '--default-actions', `Type=forward,TargetGroupArn=${f.value('targetGroupArn', 'TARGET_GROUP_ARN')}`,
      '--mutual-authentication', mutual,
      '--region', region,
    ]),
  );
  return commands;
}

function apigwCommands(f: Filler, values: GuideValues, region: string): AwsCommand[] {
  if (values.apigwEndpointType === 'edge' && partitionOf(values.region) === 'aws') return [acmImport(f, 'us-east-1')];
  const bucket = f.value('bucket', 'BUCKET');
  const key = f.value('bundleKey', 'BUNDLE_KEY', 'truststore/ca-bundle.pem');
  return [
    acmImport(f, region),
    s3Copy(f, region),
    command('apigateway-create-domain-name', 'create the Regional custom domain with mutual TLS', [
      'aws', 'apigateway', 'create-domain-name',
      '--domain-name', f.value('domainName', 'DOMAIN_NAME'),
      '--regional-certificate-arn', f.value('certificateArn', 'CERTIFICATE_ARN'),
      '--endpoint-configuration', 'types=REGIONAL',
      '--security-policy', 'TLS_1_2',
      '--mutual-tls-authentication', `truststoreUri=s3://${bucket}/${key}`,
      '--region', region,
    ]),
    command('apigateway-disable-execute-api', 'turn off the default execute-api endpoint, where mutual TLS never applies (then redeploy)', [
      'aws', 'apigateway', 'update-rest-api',
      '--rest-api-id', f.value('restApiId', 'REST_API_ID'),
      '--patch-operations', 'op=replace,path=/disableExecuteApiEndpoint,value=True',
      '--region', region,
    ]),
  ];
}

function cloudfrontCommands(f: Filler, values: GuideValues): AwsCommand[] {
  if (partitionOf(values.region) === 'aws-cn') {
    const name = f.value('certificateName', 'CERTIFICATE_NAME', 'cloudfront-server');
    return [
      command('iam-upload-server-certificate', 'upload the server certificate to IAM for CloudFront in AWS China', [
        'aws', 'iam', 'upload-server-certificate',
        '--server-certificate-name', name,
        '--certificate-body', `file://${f.value('certFile', 'CERT_FILE', 'server.pem')}`,
        '--private-key', `file://${f.value('keyFile', 'KEY_FILE', 'server.key')}`,
        '--certificate-chain', `file://${f.value('chainFile', 'CHAIN_FILE', 'chain.pem')}`,
        '--path', `/cloudfront/${name}/`,
        '--region', values.region!,
      ]),
    ];
  }
  return [acmImport(f, 'us-east-1'), s3Copy(f, 'us-east-1')];
}

/** AWS Classic LB has no mTLS: a TCP listener passes TLS through to instances that verify client certificates. */
function classicTcpListener(f: Filler, region: string): AwsCommand {
  return command('elb-create-tcp-listener', 'add a TCP listener on 443 that passes TLS through to the instances (they do the mutual TLS)', [
    'aws', 'elb', 'create-load-balancer-listeners',
    '--load-balancer-name', f.value('classicLbName', 'LOAD_BALANCER_NAME'),
    '--listeners', 'Protocol=TCP,LoadBalancerPort=443,InstanceProtocol=TCP,InstancePort=443',
    '--region', region,
  ]);
}

/** The certificate placement and the commands for one target. Throws INVALID_ARGUMENT for a bad region or ARN. */
export function targetGuide(target: GuideTarget, values: GuideValues = {}): TargetGuide {
  validate(values);
  const f = new Filler(values);
  const placement = certificatePlacement(target, values);
  let commands: AwsCommand[];
  if (target === 'cloudfront') commands = cloudfrontCommands(f, values);
  else {
    const region = f.value('region', 'REGION');
    if (target === 'alb') commands = albCommands(f, values, region);
    else if (target === 'apigw') commands = apigwCommands(f, values, region);
    else commands = [classicTcpListener(f, region)];
  }
  return { target, placement, commands, missing: [...f.missing] };
}
