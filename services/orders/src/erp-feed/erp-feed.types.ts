import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One orders.contract-signed.v1 envelope as the ERP stand-in received it / ERP 接收到的合同签署事件' })
export class ErpFeedEntry {
  @Field({ description: 'CloudEvent id' })
  id: string;

  @Field({ description: 'CloudEvent type (the topic)' })
  type: string;

  @Field({ description: 'CloudEvent source' })
  source: string;

  @Field({ description: 'CloudEvent time: when the contract was signed (ISO 8601)' })
  time: string;

  @Field({ description: 'CloudEvent subject: the contract id (the Kafka key)' })
  subject: string;

  @Field({ description: 'When the ERP stand-in received it (ISO 8601)' })
  receivedAt: string;

  @Field(() => String, { nullable: true })
  contractNumber: string | null;

  @Field(() => Int, { nullable: true, description: 'Version of the technical agreement that was signed' })
  agreementVersion: number | null;

  @Field(() => String, { nullable: true })
  customerName: string | null;

  @Field(() => Float, { nullable: true })
  amount: number | null;

  @Field(() => String, { nullable: true })
  currency: string | null;

  @Field({ description: 'False when the envelope broke its JSON Schema (ERP would reject it)' })
  valid: boolean;

  @Field(() => String, { nullable: true, description: 'Why the envelope is invalid' })
  reason: string | null;
}

@ObjectType({ description: 'What the ERP stand-in received, newest first / ERP 接收记录' })
export class ErpFeed {
  @Field(() => Int, { description: 'Envelopes received in total' })
  totalCount: number;

  @Field(() => [ErpFeedEntry])
  entries: ErpFeedEntry[];
}
