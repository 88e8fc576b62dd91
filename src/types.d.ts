/** Ambient module types: CSS files are bundled as text by esbuild. */
declare module '*.css' {
  const text: string;
  export default text;
}
