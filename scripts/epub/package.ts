// epub-gen-memory lays out the package with our templates; this subclass feeds it in-memory files and forbids any fetch.
import { EPub, type Chapter, type Options } from 'epub-gen-memory';
import type { JSZipGeneratorOptions } from 'jszip';
import { readStylesheets, readTemplate, type TemplateSource } from '../template/index.ts';
import type { Direction } from '../languages/index.ts';

/** A file the EPUB carries as is, by its path inside the content folder (`OEBPS/`). */
export interface PackagedFile {
  href: string;
  bytes: Uint8Array;
}

/** One XHTML page for the chapter template; the fields besides epub-gen-memory's own are read by our templates. */
export interface PageSpec extends Chapter {
  filename: string;
  /** Manifest and spine id (an XML name). */
  itemId: string;
  kind: 'cover' | 'titlepage' | 'chapter';
  lang: string;
  /** Writing direction of the page (its language's). */
  dir: Direction;
  /** For chapters: the `<section>` id and the body as an XHTML fragment. */
  sectionId?: string;
  body?: string;
  /** The body holds MathML: its manifest item says `properties="mathml"`. */
  mathml?: boolean;
  /** Book-level values for the cover and title pages (title, subtitle, authors, rights, cover file). */
  book: Record<string, unknown>;
}

export interface PackageInput {
  /** Book-level values for the templates (`zine` in the OPF, nav and NCX templates). */
  metadata: { title: string; lang: string; authors: string[]; publisher?: string };
  templateData: Record<string, unknown>;
  tocTitle: string;
  pages: PageSpec[];
  cover: { bytes: Uint8Array; mediaType: 'image/jpeg' | 'image/png' };
  files: PackagedFile[];
  /** Whose templates: the book's theme and manuscript. */
  templates: TemplateSource;
}

/** Build the EPUB with epub-gen-memory: our templates, our stylesheet, no network. Returns its (non-reproducible) zip. */
export async function packageEpub(input: PackageInput): Promise<Uint8Array> {
  const [contentOPF, tocXHTML, tocNCX, chapterXHTML, epubCss, dialectCss] = await Promise.all([
    ...['content.opf.ejs', 'toc.xhtml.ejs', 'toc.ncx.ejs', 'chapter.xhtml.ejs'].map((name) => readTemplate(`epub/${name}`, input.templates)),
    readStylesheets('epub', 'epub.css', input.templates),
    readTemplate('dialects.css', input.templates),
  ]);
  const css = `${epubCss}\n${dialectCss}`;
  const cover = new File([new Uint8Array(input.cover.bytes)], input.cover.mediaType === 'image/png' ? 'cover.png' : 'cover.jpg', { type: input.cover.mediaType });
  const options: Options & Record<string, unknown> = {
    ...input.templateData,
    title: input.metadata.title,
    lang: input.metadata.lang,
    author: input.metadata.authors,
    publisher: input.metadata.publisher ?? '',
    cover,
    css,
    contentOPF,
    tocXHTML,
    tocNCX,
    chapterXHTML,
    tocTitle: input.tocTitle,
    prependChapterTitles: false,
    numberChaptersInTOC: false,
    fonts: [],
    ignoreFailedDownloads: false,
    verbose: false,
  };
  const epub = new OfflineEpub(options, input.pages, input.files);
  return new Uint8Array(await epub.genEpub());
}

/**
 * epub-gen-memory fetches fonts, images it finds in chapter HTML, and a cover given as a URL. Chapters reach it as
 * empty `content` (their XHTML rides in `body`, which only our template reads), fonts and covers as in-memory
 * values, and these overrides make every fetch path a hard error instead of a download.
 */
class OfflineEpub extends EPub {
  private readonly files: readonly PackagedFile[];

  constructor(options: Options, pages: readonly PageSpec[], files: readonly PackagedFile[]) {
    super(options, pages);
    this.files = files;
  }

  protected override async downloadAllFonts(): Promise<void> {
    if (this.options.fonts.length > 0) throw new Error('epub-gen-memory would download fonts: the EPUB stage never fetches');
  }

  protected override async downloadAllImages(): Promise<void> {
    if (this.images.length > 0) throw new Error(`epub-gen-memory would download ${this.images.map((image) => image.url).join(', ')}: the EPUB stage never fetches`);
    const content = this.zip.folder('OEBPS')!;
    for (const file of this.files) content.file(file.href, file.bytes);
  }

  /** Stored, not deflated: repackEpub (zip.ts) rewrites the zip and deflates each entry once, there. */
  override generateAsync<T extends NonNullable<JSZipGeneratorOptions['type']>>(options: JSZipGeneratorOptions<T>) {
    return super.generateAsync<T>({ ...options, compression: 'STORE' });
  }

  protected override async makeCover(): Promise<void> {
    if (typeof this.options.cover === 'string') throw new Error('epub-gen-memory would download the cover: the EPUB stage never fetches');
    return super.makeCover();
  }
}
