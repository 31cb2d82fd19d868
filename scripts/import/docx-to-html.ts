// A Word document as HTML, by mammoth: its images collected for images/, its warnings kept, nothing outside the file read.
import mammoth from 'mammoth';
import sharp from 'sharp';
import { asciiSlug } from '../manuscript/names.ts';

export interface DocxHtml {
  html: string;
  /** Image files for images/, by name, in document order. */
  images: Map<string, Uint8Array>;
  /** mammoth's warnings and errors (it knows no place in the document). */
  messages: { type: string; message: string }[];
  /** Images that no output can show (EMF, WMF, …), by their alt text or content type. */
  droppedImages: string[];
}

/** Styles Word and LibreOffice writers use that mammoth does not map itself. */
const STYLE_MAP = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name='Body Text'] => p:fresh",
  "p[style-name='Text Body'] => p:fresh",
  "p[style-name='Footnote Text'] => p:fresh",
  "p[style-name='Endnote Text'] => p:fresh",
  "r[style-name='Footnote Characters'] =>",
  "r[style-name='Endnote Characters'] =>",
  "r[style-name='Footnote Reference'] =>",
  "r[style-name='Endnote Reference'] =>",
  // Underline has no Markdown form: kept as <u> so the import can report where it was lost.
  'u => u',
];

const KEPT_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/** Convert the .docx bytes; images become `images/NN-<alt>.<ext>` (other raster formats re-encoded as PNG). */
export async function docxToHtml(bytes: Uint8Array): Promise<DocxHtml> {
  const images = new Map<string, Uint8Array>();
  const droppedImages: string[] = [];
  const convertImage = mammoth.images.imgElement(async (image) => {
    const altText = (image as { altText?: string }).altText?.trim() ?? '';
    const data = new Uint8Array(await image.readAsBuffer());
    let extension = KEPT_TYPES[image.contentType];
    let kept: Uint8Array | undefined = data;
    if (!extension) {
      // TIFF, BMP and the like: sharp re-encodes what it can read; EMF/WMF drawings it cannot.
      kept = await sharp(data).png().toBuffer().then((png) => new Uint8Array(png), () => undefined);
      extension = 'png';
    }
    if (!kept) {
      droppedImages.push(altText || image.contentType);
      return { src: '' };
    }
    const name = `images/${String(images.size + 1).padStart(2, '0')}-${asciiSlug(altText.slice(0, 40), 'image')}.${extension}`;
    images.set(name, kept);
    return { src: name };
  });
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP, convertImage, externalFileAccess: false });
  return { html: result.value, images, messages: result.messages, droppedImages };
}
