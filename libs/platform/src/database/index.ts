export * from './data-source-options';
export * from './decimal-column';
export * from './statement-counter';
