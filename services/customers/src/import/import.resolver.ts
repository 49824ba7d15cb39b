import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, PageArgs, Role } from '@lianxiao/platform';
import { ImportJob, ImportKind } from './import-job.entity';
import { ImportColumn, ImportJobConnection, StartImportInput } from './import.dto';
import { ImportService } from './import.service';
import { CUSTOMER_IMPORT_COLUMNS, FOLLOW_UP_IMPORT_COLUMNS } from './import-columns';

/** Bulk data entry for the customer master: supervisors (own region), the director and admins. */
const IMPORT_ROLES = [Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN];

@Resolver(() => ImportJob)
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Mutation(() => ImportJob, { description: 'Starts an import; send the file with uploadImportChunk / 开始导入' })
  @Allow(...IMPORT_ROLES)
  startImport(@CurrentCaller() caller: Caller, @Args('input') input: StartImportInput): Promise<ImportJob> {
    return this.imports.start(caller, input);
  }

  @Mutation(() => ImportJob, { description: 'Sends chunk `index` (0-based, ≤ 1 MiB, Base64); the last one starts the dry run / 上传分片' })
  @Allow(...IMPORT_ROLES)
  uploadImportChunk(
    @CurrentCaller() caller: Caller,
    @Args('jobId', { type: () => ID }) jobId: string,
    @Args('index', { type: () => Int }) index: number,
    @Args('contentBase64') contentBase64: string,
  ): Promise<ImportJob> {
    return this.imports.uploadChunk(caller, jobId, index, contentBase64);
  }

  @Mutation(() => ImportJob, { description: 'Writes a dry-run-clean file in one transaction: all rows or none / 确认导入' })
  @Allow(...IMPORT_ROLES)
  commitImport(@CurrentCaller() caller: Caller, @Args('jobId', { type: () => ID }) jobId: string): Promise<ImportJob> {
    return this.imports.commit(caller, jobId);
  }

  @Query(() => ImportJob, { description: 'One of the caller’s imports with its progress and dry-run report / 导入任务' })
  @Allow(...IMPORT_ROLES)
  importJob(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<ImportJob> {
    return this.imports.find(caller, id);
  }

  @Query(() => ImportJobConnection, { description: 'The caller’s imports, newest first / 我的导入' })
  @Allow(...IMPORT_ROLES)
  importJobs(@CurrentCaller() caller: Caller, @Args() args: PageArgs): Promise<ImportJobConnection> {
    return this.imports.list(caller, args);
  }

  @Query(() => [ImportColumn], { description: 'Columns a file of this kind may have / 导入模板列' })
  @Allow(...IMPORT_ROLES)
  importColumns(@Args('kind', { type: () => ImportKind }) kind: ImportKind): ImportColumn[] {
    const columns = kind === ImportKind.CUSTOMERS ? CUSTOMER_IMPORT_COLUMNS : FOLLOW_UP_IMPORT_COLUMNS;
    return Object.entries(columns).map(([key, c]) => {
      const col = c as { headers: readonly string[]; required?: boolean };
      return { key, header: col.headers[0], aliases: col.headers.slice(1), required: !!col.required };
    });
  }
}
