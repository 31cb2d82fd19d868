// Types for the `hyphen` package (it ships none): the synchronous hyphenator of one language, a CommonJS default export.
declare module 'hyphen/en-us/index.js' {
  const hyphen: {
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] }): string;
  };
  export default hyphen;
}
