/**
 * The model: the shapes every layer shares, each a zod schema with its type inferred from it,
 * and the labels people see for them, each defined once. Pure: imports zod and nothing else.
 */
export * from './platforms';
export * from './severity';
export * from './signals';
export * from './status';
export * from './post';
export * from './verdict';
export * from './returning';
export * from './themes';
export * from './hash';
