import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { PointsEntry } from './points-entry.entity';

@ObjectType()
export class PointsEntryConnection extends Connection(PointsEntry) {}

@ArgsType()
export class PointsEntryListArgs extends PageArgs {
  @Field(() => ID) dealerId: string;
}

/** What an event or an HQ action adds to (or takes from) a dealer's points. */
export interface PointsEntryDraft {
  dealerId: string;
  delta: number;
  reason: string;
  note?: string | null;
  sourceEventId?: string | null;
}
