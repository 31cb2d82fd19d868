// The first chapter of a new zine: a short text that shows, by example, a note, a figure, a language span and a quotation.
/** Where the example figure lives, relative to the manuscript folder. */
export const EXAMPLE_IMAGE = 'images/01-placeholder.png';

const CAPTION = 'A placeholder: put your own picture in images/ and change this line';

/** The example chapter's Markdown. */
export function exampleChapterText(): string {
  return `# Getting Started

This is the first chapter of your zine. Replace this text with your own: each chapter is one Markdown file,
listed under \`chapters:\` in \`zine.yaml\`. A blank line starts a new paragraph; *stars* make emphasis and
**double stars** strong emphasis.

A note sits where you write its mark,[^first] and its text anywhere in the same file. Notes are numbered
through the whole zine and land at the foot of the printed page.

An image alone in its paragraph becomes a figure; its alt text is the caption:

![${CAPTION}](${EXAMPLE_IMAGE})

Words in another language carry their language, so readers and hyphenation treat them right: the French
say :span[à bientôt]{lang=fr} when they part.

> A quotation is a paragraph that starts with \`>\`. It is set apart from the text around it.

Add a chapter with \`zine add chapter "Its Title"\`, then build again.

[^first]: This is the note. It can hold *emphasis* and [links](https://example.org) too.
`;
}
