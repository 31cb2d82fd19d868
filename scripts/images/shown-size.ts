// The size an image is shown at in the e-book and the HTML edition: the author's `width` (never wider than the file), the height following it.

/** `wanted` is the author's `width` attribute, if any; `file` the encoded image's pixel size. */
export function shownSize(wanted: unknown, file: { width: number; height: number }): { width: number; height: number } {
  const asked = Number(wanted);
  const width = Number.isFinite(asked) && asked > 0 && asked < file.width ? Math.round(asked) : file.width;
  return { width, height: Math.round((file.height * width) / file.width) };
}
