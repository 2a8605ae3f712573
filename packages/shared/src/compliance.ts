// Entry for `@jadelive/shared/compliance` (the package maps "./*" to "./src/*.ts").
export * from './compliance/index';
