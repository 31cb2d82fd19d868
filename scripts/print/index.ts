// The print stage: a warm sandboxed browser, the paged PDF of a Book, and the cover image the e-book uses.
export { openPrintSession, type PrintSession, type PrintSessionOptions } from './session.ts';
export { renderPrintPdf, type PrintTimings, type RenderPrintOptions } from './render.ts';
export { renderCoverImage, COVER_SIZE, type CoverImageOptions } from './cover.ts';
export type { ReportBlocked } from './sandbox.ts';
