import { ObjectType } from '@nestjs/graphql';
import { Connection } from '@lianxiao/platform';
import { ContractScore } from './contract-score.entity';

@ObjectType()
export class ContractScoreConnection extends Connection(ContractScore) {}
