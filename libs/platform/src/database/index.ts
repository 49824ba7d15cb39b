export * from './data-source-options';
export * from './decimal-column';
