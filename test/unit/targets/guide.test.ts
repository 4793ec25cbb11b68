import { describe, expect, it } from 'vitest';
import { StudioError } from '../../../electron/common/errors';
import { classifyHost } from '../../../electron/core/probe/target-hosts';
import { detectTarget } from '../../../electron/core/probe/target-detect';
import { certificatePlacement, shellLine, shellQuote, targetGuide } from '../../../electron/core/targets';

const byId = (guide: ReturnType<typeof targetGuide>, id: string) => guide.commands.find((c) => c.id === id)!;

describe('host forms', () => {
  const cases: [string, string | null, string | null, string | null, string | null][] = [
    // host, target, kind, region, partition
    ['d111111abcdef8.cloudfront.net', 'cloudfront', 'cloudfront-distribution', null, 'aws'],
    ['d111111abcdef8.cloudfront.cn', 'cloudfront', 'cloudfront-distribution', null, 'aws-cn'],
    ['my-alb-1234567890.us-east-1.elb.amazonaws.com', 'alb', 'elb', 'us-east-1', 'aws'],
    ['internal-my-alb-1234567890.eu-west-1.elb.amazonaws.com', 'alb', 'elb', 'eu-west-1', 'aws'],
    ['dualstack.my-alb-1234567890.ap-southeast-2.elb.amazonaws.com', 'alb', 'elb', 'ap-southeast-2', 'aws'],
    ['my-alb-1234567890.cn-north-1.elb.amazonaws.com.cn', 'alb', 'elb', 'cn-north-1', 'aws-cn'],
    ['abcdef1234.execute-api.us-east-1.amazonaws.com', 'apigw', 'apigw-default-endpoint', 'us-east-1', 'aws'],
    ['abcdef1234.execute-api.cn-northwest-1.amazonaws.com.cn', 'apigw', 'apigw-default-endpoint', 'cn-northwest-1', 'aws-cn'],
    ['d-abc123xyz.execute-api.eu-central-1.amazonaws.com', 'apigw', 'apigw-domain-target', 'eu-central-1', 'aws'],
    ['abcdef1234-vpce-0123456789abcdef0.execute-api.us-west-2.vpce.amazonaws.com', 'apigw', 'apigw-private-endpoint', 'us-west-2', 'aws'],
    ['lab-clb.cn-hangzhou.slb.aliyuncs.com', 'clb', 'alibaba-slb', null, null],
    ['API.Example.com', null, null, null, null],
    ['127.0.0.1', null, null, null, null],
    ['cloudfront.net.evil.example', null, null, null, null],
  ];
  it.each(cases)('%s', (host, target, kind, region, partition) => {
    const form = classifyHost(host);
    expect(form === null ? [null, null, null, null] : [form.target, form.kind, form.region, form.partition]).toEqual([target, kind, region, partition]);
  });

  it('auto-detection uses the host form; --target overrides it', () => {
    expect(detectTarget('auto', 'abcdef1234.execute-api.us-east-1.amazonaws.com.cn', null)).toEqual({ target: 'apigw', detected: true, evidence: ['host is an execute-api endpoint'] });
    expect(detectTarget('auto', 'x-1.us-east-1.elb.amazonaws.com', { 'x-amz-cf-id': 'abc' }).target).toBe('cloudfront');
    expect(detectTarget('clb', 'd111.cloudfront.net', null)).toEqual({ target: 'clb', detected: false, evidence: ['given with --target'] });
  });
});

describe('certificate placement', () => {
  it('CloudFront and edge-optimized API Gateway: ACM us-east-1; others: their own region; China: IAM for CloudFront', () => {
    expect(certificatePlacement('cloudfront', { region: 'eu-west-1' })).toMatchObject({ service: 'acm', region: 'us-east-1', rule: 'cloudfront-us-east-1' });
    expect(certificatePlacement('apigw', { region: 'eu-west-1', apigwEndpointType: 'edge' })).toMatchObject({ service: 'acm', region: 'us-east-1', rule: 'edge-api-us-east-1' });
    expect(certificatePlacement('apigw', { region: 'eu-west-1', apigwEndpointType: 'regional' })).toMatchObject({ service: 'acm', region: 'eu-west-1', rule: 'resource-region' });
    expect(certificatePlacement('alb', { region: 'ap-northeast-1' })).toMatchObject({ service: 'acm', region: 'ap-northeast-1', partition: 'aws' });
    expect(certificatePlacement('cloudfront', { region: 'cn-north-1' })).toMatchObject({ service: 'iam', region: null, partition: 'aws-cn', rule: 'cloudfront-china-iam' });
    expect(certificatePlacement('apigw', { region: 'cn-northwest-1', apigwEndpointType: 'edge' })).toMatchObject({ region: 'cn-northwest-1', partition: 'aws-cn', rule: 'apigw-china-regional-only' });
    expect(certificatePlacement('clb', { region: 'us-east-1' })).toMatchObject({ service: 'instances', rule: 'clb-on-instances' });
  });
});

describe('AWS CLI commands', () => {
  it('ALB verify: the exact argv of each step, filled with the user’s values', () => {
    const guide = targetGuide('alb', {
      region: 'eu-west-1',
      certFile: 'api.example.com.pem',
      keyFile: 'api.example.com.key',
      chainFile: 'chain.pem',
      bundleFile: 'ca-bundle.pem',
      bucket: 'my-truststores',
      bundleKey: 'alb/partners.pem',
      trustStoreName: 'partners',
      trustStoreArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:truststore/partners/abc',
      loadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/api/1',
      certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/1',
      targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/2',
      advertiseCaNames: true,
    });
    expect(guide.missing).toEqual([]);
    expect(guide.commands.map((c) => c.id)).toEqual(['acm-import', 's3-cp-bundle', 'elbv2-create-trust-store', 'elbv2-modify-trust-store', 'elbv2-create-listener']);
    expect(byId(guide, 'acm-import').argv).toEqual(['aws', 'acm', 'import-certificate', '--certificate', 'fileb://api.example.com.pem', '--private-key', 'fileb://api.example.com.key', '--certificate-chain', 'fileb://chain.pem', '--region', 'eu-west-1']);
    expect(byId(guide, 's3-cp-bundle').argv).toEqual(['aws', 's3', 'cp', 'ca-bundle.pem', 's3://my-truststores/alb/partners.pem', '--region', 'eu-west-1']);
    expect(byId(guide, 'elbv2-create-trust-store').argv).toEqual(['aws', 'elbv2', 'create-trust-store', '--name', 'partners', '--ca-certificates-bundle-s3-bucket', 'my-truststores', '--ca-certificates-bundle-s3-key', 'alb/partners.pem', '--region', 'eu-west-1']);
    expect(byId(guide, 'elbv2-modify-trust-store').argv).toEqual(['aws', 'elbv2', 'modify-trust-store', '--trust-store-arn', 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:truststore/partners/abc', '--ca-certificates-bundle-s3-bucket', 'my-truststores', '--ca-certificates-bundle-s3-key', 'alb/partners.pem', '--region', 'eu-west-1']);
    expect(byId(guide, 'elbv2-create-listener').argv).toEqual([
      'aws', 'elbv2', 'create-listener',
      '--load-balancer-arn', 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/api/1',
      '--protocol', 'HTTPS', '--port', '443',
      '--certificates', 'CertificateArn=arn:aws:acm:eu-west-1:123456789012:certificate/1',
      '--default-actions', 'Type=forward,TargetGroupArn=arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/2',
      '--mutual-authentication', 'Mode=verify,TrustStoreArn=arn:aws:elasticloadbalancing:eu-west-1:123456789012:truststore/partners/abc,IgnoreClientCertificateExpiry=false,AdvertiseTrustStoreCaNames=on',
      '--region', 'eu-west-1',
    ]);
    expect(byId(guide, 'acm-import').shell).toBe('aws acm import-certificate --certificate fileb://api.example.com.pem --private-key fileb://api.example.com.key --certificate-chain fileb://chain.pem --region eu-west-1');
    expect(byId(guide, 'acm-import').multiline).toBe('aws acm import-certificate \\\n  --certificate fileb://api.example.com.pem \\\n  --private-key fileb://api.example.com.key \\\n  --certificate-chain fileb://chain.pem \\\n  --region eu-west-1');
  });

  it('ALB passthrough: no trust store, Mode=passthrough; unknown values stay visible placeholders', () => {
    const guide = targetGuide('alb', { albMode: 'passthrough' });
    expect(guide.commands.map((c) => c.id)).toEqual(['acm-import', 's3-cp-bundle', 'elbv2-create-listener']);
    const listener = byId(guide, 'elbv2-create-listener');
    expect(listener.argv[listener.argv.indexOf('--mutual-authentication') + 1]).toBe('Mode=passthrough');
    expect(listener.shell).toContain("--load-balancer-arn '<LOAD_BALANCER_ARN>'");
    expect(guide.missing.sort()).toEqual(['bucket', 'certificateArn', 'loadBalancerArn', 'region', 'targetGroupArn']);
  });

  it('API Gateway Regional: create-domain-name with the truststore URI, and the execute-api endpoint disabled', () => {
    const guide = targetGuide('apigw', { region: 'ap-southeast-1', domainName: 'api.example.com', bucket: 'ts', bundleKey: 'apigw/bundle.pem', certificateArn: 'arn:aws:acm:ap-southeast-1:123456789012:certificate/9', restApiId: 'a1b2c3d4e5' });
    expect(byId(guide, 'apigateway-create-domain-name').argv).toEqual([
      'aws', 'apigateway', 'create-domain-name',
      '--domain-name', 'api.example.com',
      '--regional-certificate-arn', 'arn:aws:acm:ap-southeast-1:123456789012:certificate/9',
      '--endpoint-configuration', 'types=REGIONAL',
      '--security-policy', 'TLS_1_2',
      '--mutual-tls-authentication', 'truststoreUri=s3://ts/apigw/bundle.pem',
      '--region', 'ap-southeast-1',
    ]);
    expect(byId(guide, 'apigateway-disable-execute-api').argv).toEqual(['aws', 'apigateway', 'update-rest-api', '--rest-api-id', 'a1b2c3d4e5', '--patch-operations', 'op=replace,path=/disableExecuteApiEndpoint,value=True', '--region', 'ap-southeast-1']);
    // edge-optimized: only the certificate, in us-east-1 (no mutual TLS there)
    expect(targetGuide('apigw', { region: 'eu-west-1', apigwEndpointType: 'edge' }).commands.map((c) => [c.id, c.argv.at(-1)])).toEqual([['acm-import', 'us-east-1']]);
  });

  it('CloudFront: ACM in us-east-1 whatever the region; AWS China: IAM with the /cloudfront/ path', () => {
    const global = targetGuide('cloudfront', { region: 'eu-west-1', bucket: 'ts' });
    expect(global.commands.map((c) => [c.id, c.argv.at(-1)])).toEqual([['acm-import', 'us-east-1'], ['s3-cp-bundle', 'us-east-1']]);
    const china = targetGuide('cloudfront', { region: 'cn-north-1', certificateName: 'www-example-cn', certFile: 'www.pem', keyFile: 'www.key', chainFile: 'chain.pem' });
    expect(china.placement.partition).toBe('aws-cn');
    expect(china.commands).toHaveLength(1);
    expect(china.commands[0]!.argv).toEqual(['aws', 'iam', 'upload-server-certificate', '--server-certificate-name', 'www-example-cn', '--certificate-body', 'file://www.pem', '--private-key', 'file://www.key', '--certificate-chain', 'file://chain.pem', '--path', '/cloudfront/www-example-cn/', '--region', 'cn-north-1']);
    expect(china.missing).toEqual([]);
  });

  it('Classic LB: a TCP passthrough listener', () => {
    expect(targetGuide('clb', { region: 'us-east-1', classicLbName: 'legacy' }).commands[0]!.argv).toEqual(['aws', 'elb', 'create-load-balancer-listeners', '--load-balancer-name', 'legacy', '--listeners', 'Protocol=TCP,LoadBalancerPort=443,InstanceProtocol=TCP,InstancePort=443', '--region', 'us-east-1']);
  });

  it('file names with spaces and quotes are shell-quoted; argv keeps them raw', () => {
    const guide = targetGuide('alb', { region: 'us-east-1', certFile: "partner's cert.pem" });
    expect(byId(guide, 'acm-import').argv[4]).toBe("fileb://partner's cert.pem");
    expect(byId(guide, 'acm-import').shell).toContain(`'fileb://partner'\\''s cert.pem'`);
    expect(shellQuote('')).toBe("''");
    expect(shellLine(['a b', 'c$d', 'plain'])).toBe("'a b' 'c$d' plain");
  });

  it('rejects a bad region and an ARN from the other partition', () => {
    expect(() => targetGuide('alb', { region: 'Frankfurt' })).toThrow(StudioError);
    expect(() => targetGuide('alb', { region: 'cn-north-1', trustStoreArn: 'arn:aws:elasticloadbalancing:us-east-1:1:truststore/x/y' })).toThrow(/partition aws but region cn-north-1 is in aws-cn/);
    expect(() => targetGuide('alb', { loadBalancerArn: 'my-alb' })).toThrow(/is not an ARN/);
    const china = targetGuide('alb', { region: 'cn-north-1', trustStoreArn: 'arn:aws-cn:elasticloadbalancing:cn-north-1:1:truststore/x/y' });
    expect(byId(china, 'elbv2-modify-trust-store').argv).toContain('arn:aws-cn:elasticloadbalancing:cn-north-1:1:truststore/x/y');
  });
});
