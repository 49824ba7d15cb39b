export * from './cjk-font';
export * from './render-pdf';
