import { gql } from 'apollo-angular';

export type ImportKind = 'CUSTOMERS' | 'FOLLOW_UPS';
export type ImportStatus = 'UPLOADING' | 'VALIDATING' | 'VALID' | 'INVALID' | 'COMMITTING' | 'COMMITTED' | 'FAILED';

export interface ImportJob {
  id: string;
  kind: ImportKind;
  fileName: string;
  status: ImportStatus;
  sizeBytes: number;
  receivedBytes: number;
  totalRows: number;
  processedRows: number;
  errorCount: number;
  committedRows: number;
  errors: { row: number; column: string; reasonZh: string; reasonEn: string }[];
  failureZh: string | null;
  failureEn: string | null;
}

export interface ImportColumn {
  key: string;
  header: string;
  aliases: string[];
  required: boolean;
}

const JOB = 'id kind fileName status sizeBytes receivedBytes totalRows processedRows errorCount committedRows errors { row column reasonZh reasonEn } failureZh failureEn';

export const IMPORT_COLUMNS = gql<{ importColumns: ImportColumn[] }, { kind: ImportKind }>`
  query ImportColumns($kind: ImportKind!) { importColumns(kind: $kind) { key header aliases required } }
`;

export const START_IMPORT = gql<{ startImport: ImportJob }, { input: { kind: ImportKind; fileName: string; sizeBytes: number } }>`
  mutation StartImport($input: StartImportInput!) { startImport(input: $input) { ${JOB} } }
`;

export const UPLOAD_CHUNK = gql<{ uploadImportChunk: ImportJob }, { jobId: string; index: number; contentBase64: string }>`
  mutation UploadImportChunk($jobId: ID!, $index: Int!, $contentBase64: String!) { uploadImportChunk(jobId: $jobId, index: $index, contentBase64: $contentBase64) { ${JOB} } }
`;

export const COMMIT_IMPORT = gql<{ commitImport: ImportJob }, { jobId: string }>`
  mutation CommitImport($jobId: ID!) { commitImport(jobId: $jobId) { ${JOB} } }
`;

export const IMPORT_JOB = gql<{ importJob: ImportJob }, { id: string }>`
  query ImportJob($id: ID!) { importJob(id: $id) { ${JOB} } }
`;

/** Decoded bytes per chunk: the API takes at most 1 MiB (its Base64 fits the gateway's 2 MB limit). */
export const CHUNK_BYTES = 1024 * 1024;
