// The typefaces of every edition: the font packages, their faces and subsets, and which subsets a text needs.
export { FONT_PACKAGES, type FontPackage } from './packages.ts';
export { faceHolders, readFontFaces, type FaceHolders, type FontFaceFile } from './faces.ts';
export { codePointsOf, parseUnicodeRange, rangesCoverAny, type CodePointRanges } from './unicode-range.ts';
export { fontConfigFaces, prepareFontConfig, type FontConfig } from './fontconfig.ts';
export { faceCoverage, fontCoverage, type Coverage } from './coverage.ts';
