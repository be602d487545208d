// `tsc` does not read .astro files (Astro's editor tooling and `astro check` do); the registry in
// index.ts imports components from TypeScript, so this says what such an import is.
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
