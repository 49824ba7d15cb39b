import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@lianxiao/platform';
import { ImportJob, ImportKind } from './import-job.entity';

@InputType({ description: 'Announces an upload; the file follows in chunks of at most 1 MiB / 开始导入' })
export class StartImportInput {
  @Field(() => ImportKind) kind: ImportKind;
  @Field({ description: '.csv or .xlsx' }) fileName: string;
  @Field(() => Int, { description: 'Total bytes of the file (at most 32 MiB)' }) sizeBytes: number;
}

@ObjectType()
export class ImportJobConnection extends Connection(ImportJob) {}

@ObjectType({ description: 'A column the import understands / 导入列' })
export class ImportColumn {
  @Field() key: string;
  @Field({ description: 'Header to use (Chinese)' }) header: string;
  @Field(() => [String], { description: 'Other accepted headers' }) aliases: string[];
  @Field() required: boolean;
}
