// A lazy chunk's stylesheet as text (`import css from './style.css?inline'`): Vite in tests, esbuild's
// text loader in scripts/build/lazy-chunks.ts. The chunk renders it in a <style> of its own.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
