export * from './accounts';
export * from './errors';
export * from './organization';
