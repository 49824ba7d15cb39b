export * from './random';
export * from './credit-code';
export * from './geography';
export * from './demo-world';
