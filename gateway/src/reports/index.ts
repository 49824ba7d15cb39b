export * from './weekly-report.routes';
export * from './weekly-report.jobs';
export * from './weekly-report.document';
export * from './weekly-report.data';
