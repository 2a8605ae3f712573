export * from './accounts';
export * from './bases';
export * from './catalog';
export * from './compliance-records';
export * from './credit-code';
export * from './errors';
export * from './live';
export * from './organization';
