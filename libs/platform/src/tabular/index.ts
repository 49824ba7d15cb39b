export * from './row-error';
export * from './column-parsers';
export * from './text-encoding';
export * from './read-tabular';
export { csvRecords } from './csv-records';
