export * from './errors';
export * from './roles';
export * from './define';
export * from './operations';
export { parseInput } from './fields';
export * from './id-number';
export * from './booklet-operations';
