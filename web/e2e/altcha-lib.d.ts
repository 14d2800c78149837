// The spec tsconfig resolves modules the node10 way, which does not read package "exports":
// these point it at altcha-lib's own CommonJS type declarations (the same files as at run time).
declare module 'altcha-lib' {
  export * from 'altcha-lib/dist/cjs/v2/index';
}
declare module 'altcha-lib/algorithms/pbkdf2' {
  export * from 'altcha-lib/dist/cjs/v2/algorithms/pbkdf2';
}
