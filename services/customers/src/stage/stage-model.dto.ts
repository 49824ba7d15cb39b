import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'Conditions of a stage: required node codes, customer fields and evidence types / 阶段条件' })
export class StageConditionsInput {
  @Field(() => [String]) requiredNodes: string[];
  @Field(() => [String]) requiredFields: string[];
  @Field(() => [String]) requiredEvidence: string[];
}

@InputType({ description: 'New entry and/or exit conditions of one stage; publishes a new model version / 修改阶段条件' })
export class UpdateStageConditionsInput {
  @Field({ description: 'Stage code, e.g. CONTRACT' }) stageCode: string;
  @Field(() => StageConditionsInput, { nullable: true, description: 'Omitted: unchanged' }) entry?: StageConditionsInput | null;
  @Field(() => StageConditionsInput, { nullable: true, description: 'Omitted: unchanged' }) exit?: StageConditionsInput | null;
  @Field(() => String, { nullable: true, description: 'What changed and why (kept with the version)' }) note?: string | null;
}
