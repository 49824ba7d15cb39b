import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@lianxiao/platform';
import { TechnicalAgreement } from './technical-agreement.entity';

/** One field of an agreement's frozen specification; `value` of craftNotes is production/admin only. */
@ObjectType({ description: 'A spec field of a technical agreement / 协议技术规格字段' })
export class SpecFieldValue {
  @Field() field: string;
  @Field() labelZh: string;
  @Field() labelEn: string;
  /** Raw value; exposed through SpecFieldValueResolver.value. */
  raw: string | null;
}

/** A field that changed between two agreement versions; craftNotes values production/admin only. */
@ObjectType({ description: 'A field changed between two agreement versions / 版本差异' })
export class FieldChange {
  @Field() field: string;
  @Field() labelZh: string;
  @Field() labelEn: string;
  /** Raw values; exposed through FieldChangeResolver.before / after. */
  rawBefore: string | null;
  rawAfter: string | null;
}

@ObjectType({ description: 'A printable technical agreement version (PDF, Base64) / 技术协议 PDF' })
export class AgreementPdf {
  @Field({ description: 'e.g. 技术协议-RT-2026-0042-v2.pdf' }) fileName: string;
  @Field() mimeType: string;
  @Field(() => Int) sizeBytes: number;
  @Field({ description: 'The PDF, Base64' }) contentBase64: string;
}

@ObjectType()
export class TechnicalAgreementConnection extends Connection(TechnicalAgreement) {}
