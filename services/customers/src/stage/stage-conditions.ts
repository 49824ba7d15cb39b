import { Field, ObjectType } from '@nestjs/graphql';

/** Entry or exit conditions of a stage, stored as data (JSON) on the stage row. */
@ObjectType({ description: 'Conditions of a stage: required nodes, customer fields and evidence types / 阶段条件' })
export class StageConditions {
  @Field(() => [String], { description: 'Node codes that must be completed, e.g. TECH_ALIGNED' }) requiredNodes: string[];
  @Field(() => [String], { description: 'Customer fields that must be filled, e.g. phone' }) requiredFields: string[];
  @Field(() => [String], { description: 'Evidence types that must be attached, e.g. CONTRACT_SEAL_SCAN' }) requiredEvidence: string[];
}

export const NO_CONDITIONS: StageConditions = { requiredNodes: [], requiredFields: [], requiredEvidence: [] };

export function conditionsOf(partial: Partial<StageConditions> | null | undefined): StageConditions {
  return {
    requiredNodes: [...(partial?.requiredNodes ?? [])],
    requiredFields: [...(partial?.requiredFields ?? [])],
    requiredEvidence: [...(partial?.requiredEvidence ?? [])],
  };
}
