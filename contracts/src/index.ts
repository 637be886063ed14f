export * from './enums.js';
export * from './errors.js';
export * from './permissions.js';
export * from './validation.js';
export * from './projects.js';
export * from './admin.js';
export * from './imports.js';
export * from './warnings.js';
