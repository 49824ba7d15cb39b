/**
 * Invalid and hostile values for schema-driven fuzzing: per GraphQL input type, the values a careless
 * client, an attacker or a Chinese Excel export would send. Files are base64 like the upload fields.
 */
import { deflateRawSync, crc32 } from 'node:zlib';
import {
  getNamedType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';

export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const HOSTILE_STRINGS: readonly unknown[] = [
  '',
  '   ',
  'x'.repeat(100_000),
  "' OR '1'='1'; DROP TABLE customer; --",
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '😀🚀 混合 ASCII 与中文 𠀀 \u202e',
  'NaN',
  '-Infinity',
  '\u0000',
  42,
];

const HOSTILE_NUMBERS: readonly unknown[] = [-1, 0, -2147483649, 2 ** 53, 1e308, 'NaN', '12abc', true];
const HOSTILE_DATES: readonly unknown[] = ['not-a-date', '2026-02-30', '2026-13-45T25:61:00Z', '0000-00-00', '', 1e15];
const HOSTILE_IDS = (foreignIds: readonly string[]): readonly unknown[] => [NO_SUCH_ID, '', "1 OR 1=1", 'x'.repeat(5000), ...foreignIds];

/** A zip whose single entry inflates to `size` bytes of zeros (an XLSX-shaped zip bomb). */
export function zipBomb(size = 200 * 1024 * 1024): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const raw = Buffer.alloc(size);
  const data = deflateRawSync(raw, { level: 9 });
  const crc = crc32(raw);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  const centralOffset = local.length + name.length + data.length;
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** Malformed uploads: wrong MIME, truncated XLSX, zip bomb, BOM and GBK CSV with unknown columns. */
export function hostileFiles(): { label: string; base64: string; mime: string }[] {
  const bomCsv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('不存在的列,另一列\n1,2\n')]);
  // "名称,数量" in GBK followed by a row with a non-number: decodable, but the columns are unknown.
  const gbkCsv = Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xca, 0xfd, 0xc1, 0xbf, 0x0a, 0x41, 0x2c, 0x78, 0x0a]);
  const bomb = zipBomb();
  return [
    { label: 'text claiming to be PNG', base64: Buffer.from('just text, not an image').toString('base64'), mime: 'image/png' },
    { label: 'not base64', base64: '%%% not base64 %%%', mime: 'application/pdf' },
    { label: 'truncated XLSX', base64: bomb.subarray(0, 64).toString('base64'), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    { label: 'zip bomb', base64: bomb.toString('base64'), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    { label: 'CSV with BOM and unknown columns', base64: bomCsv.toString('base64'), mime: 'text/csv' },
    { label: 'GBK CSV with unknown columns', base64: gbkCsv.toString('base64'), mime: 'text/csv' },
  ];
}

const isFileField = (name: string) => /base64|content|file/i.test(name) && !/name$/i.test(name);

/** Hostile values for one input position, by its type and name. */
export function hostileValuesFor(type: GraphQLInputType, name: string, foreignIds: readonly string[]): readonly unknown[] {
  const nullable = !isNonNullType(type);
  const inner = isNonNullType(type) ? type.ofType : type;
  const extra = nullable ? [] : [null];
  if (isListType(inner)) return [...extra, 'not a list', Array.from({ length: 2000 }, () => 'x'), [null]];
  if (isInputObjectType(inner)) return [...extra, 'not an object', { unknownField: 1 }];
  if (isEnumType(inner)) return [...extra, 'NOT_A_VALUE', 'drop table', 3];
  const scalar = getNamedType(inner).name;
  if (isFileField(name)) return [...extra, ...hostileFiles().map((f) => f.base64)];
  switch (scalar) {
    case 'Int':
    case 'Float':
      return [...extra, ...HOSTILE_NUMBERS];
    case 'Boolean':
      return [...extra, 'true', 1];
    case 'ID':
      return [...extra, ...HOSTILE_IDS(foreignIds)];
    case 'DateTime':
    case 'Date':
      return [...extra, ...HOSTILE_DATES];
    default:
      return [...extra, ...(/date|at$|month|week/i.test(name) ? HOSTILE_DATES : []), ...HOSTILE_STRINGS];
  }
}

/** A plausible but still wrong value used to fill the positions a variant does not attack. */
export function fillerFor(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (isNonNullType(type)) return fillerFor(type.ofType, name, depth);
  if (isListType(type)) return [];
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    if (depth > 3) return out;
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = fillerFor(f.type, f.name, depth + 1);
    return out;
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (getNamedType(type).name) {
    case 'Int':
    case 'Float':
      return -1;
    case 'Boolean':
      return false;
    case 'ID':
      return NO_SUCH_ID;
    case 'DateTime':
    case 'Date':
      return 'not-a-date';
    default:
      if (isFileField(name)) return hostileFiles()[0].base64;
      return /password/i.test(name) ? 'fuzz-wrong-password' : "fuzz' OR 1=1 --";
  }
}
