// Read a PDF's text items with the name of the font each is set in (pdfjs), for tests of faces and styles.
import { openPdf } from '../pdf-text.ts';

export interface FontedItem {
  /** 1-based page number. */
  page: number;
  text: string;
  /** The PDF font name, e.g. `BAAAAA+SourceSerif4-Regular`. */
  font: string;
  x: number;
  y: number;
  /** The font size in points (the text matrix's vertical scale). */
  size: number;
  /** The item's advance width in points. */
  width: number;
}

/** Every non-blank text item of the PDF, in page order. */
export async function textWithFonts(bytes: Uint8Array): Promise<FontedItem[]> {
  const document = await openPdf(bytes);
  const items: FontedItem[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    await page.getOperatorList();
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const font = (page.commonObjs.get(item.fontName) as { name: string }).name;
      items.push({ page: number, text: item.str, font, x: item.transform[4] as number, y: item.transform[5] as number, size: Math.hypot(item.transform[2] as number, item.transform[3] as number), width: item.width });
    }
  }
  await document.destroy();
  return items;
}
