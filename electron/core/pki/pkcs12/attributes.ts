/** PKCS#12 bag attributes: friendlyName (BMPString) and localKeyId (OCTET STRING); others are ignored. */
import { TAG, decodeBmp, type Asn1 } from '../asn1';
import { derBmpString, derOctetString, derOid, derSequence, derSet } from '../der-write';
import { P12 } from './oids';

export interface BagAttributes {
  friendlyName?: string;
  localKeyId?: Uint8Array;
}

/** Reads `SET OF SEQUENCE { attrId OID, attrValues SET OF ANY }`; the first value of each attribute wins. */
export function readAttributes(node: Asn1 | undefined): BagAttributes {
  const result: BagAttributes = {};
  if (node === undefined) return result;
  node.expect(TAG.SET);
  for (const attribute of node.children()) {
    attribute.expect(TAG.SEQUENCE);
    const id = attribute.child(0).oid();
    const value = attribute.child(1, TAG.SET).children()[0];
    if (value === undefined) continue;
    if (id === P12.friendlyName && result.friendlyName === undefined) {
      // RFC 7292 says BMPString; tolerate UTF8String from sloppy writers
      if (value.tag === TAG.BMP_STRING) result.friendlyName = decodeBmp(value.octets());
      else if (value.tag === TAG.UTF8_STRING)
        result.friendlyName = Buffer.from(value.octets()).toString('utf8');
    } else if (
      id === P12.localKeyId &&
      result.localKeyId === undefined &&
      (value.tag & 0xdf) === TAG.OCTET_STRING
    ) {
      result.localKeyId = new Uint8Array(value.octets());
    }
  }
  return result;
}

/** Encodes bag attributes (DER SET OF, sorted), or nothing when there are none. */
export function writeAttributes(attributes: BagAttributes): Uint8Array[] {
  const items: Uint8Array[] = [];
  if (attributes.friendlyName !== undefined)
    items.push(derSequence(derOid(P12.friendlyName), derSet(derBmpString(attributes.friendlyName))));
  if (attributes.localKeyId !== undefined)
    items.push(derSequence(derOid(P12.localKeyId), derSet(derOctetString(attributes.localKeyId))));
  return items.length === 0 ? [] : [derSet(...items)];
}
