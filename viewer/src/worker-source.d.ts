// `import text from 'worker-source:<name>'`: viewer/src/<name>.ts bundled on
// its own (an ES module worker) and inlined as text by viewer/build.mjs.
declare module 'worker-source:*' {
  const source: string;
  export default source;
}
