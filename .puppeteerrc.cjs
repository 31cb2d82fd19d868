// zine resolves its own browser (scripts/print/browser.ts): never download one at install time.
module.exports = { skipDownload: true };
