import { Field, Float, InputType } from '@nestjs/graphql';
import { FollowUpType } from './pipeline.entities';

@InputType()
export class AddEvidenceInput {
  @Field({ description: 'SAMPLE_TEST_REPORT, QUOTATION_ESIGNED, CONTRACT_SEAL_SCAN, SIGNATURE_PAGE_CLOSEUP, DELIVERY_NOTE or OTHER' }) type: string;
  @Field() fileName: string;
  @Field({ description: 'image/jpeg, image/png or application/pdf' }) mimeType: string;
  @Field({ description: 'File content, Base64, at most 10 MB decoded' }) contentBase64: string;
  @Field(() => Date, { nullable: true, description: 'E-signature watermark time; required for QUOTATION_ESIGNED' }) watermarkAt?: Date | null;
}

@InputType()
export class AddFollowUpInput {
  @Field(() => FollowUpType) type: FollowUpType;
  @Field() summary: string;
  @Field(() => String, { nullable: true }) obstacle?: string | null;
  @Field(() => String, { nullable: true }) nextAction?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) nextActionDate?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
}

@InputType({ description: 'Fields to change; the previous version stays in the history' })
export class EditFollowUpInput {
  @Field(() => FollowUpType, { nullable: true }) type?: FollowUpType;
  @Field(() => String, { nullable: true }) summary?: string;
  @Field(() => String, { nullable: true }) obstacle?: string | null;
  @Field(() => String, { nullable: true }) nextAction?: string | null;
  @Field(() => String, { nullable: true }) nextActionDate?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
}
