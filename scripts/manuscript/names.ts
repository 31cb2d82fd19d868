// Names made from text: ASCII slugs for file names and ids that are valid in HTML, XHTML and EPUB.
import anyAscii from 'any-ascii';
import { slug } from 'github-slugger';

/** An ASCII slug of `text`, or `fallback` when nothing ASCII is left (a Chinese title, say). */
export function asciiSlug(text: string, fallback: string): string {
  const result = slug(text.normalize('NFKD')).replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return result === '' ? fallback : result;
}

/**
 * The book's output name: its title transliterated to ASCII (الإعلان → l-ln, 命令行 → minglingxing), else the
 * identifier's last part (a uuid's first group), never a constant every book would share.
 */
export function bookSlug(title: string, identifier: string): string {
  const fromIdentifier = asciiSlug(identifier.split(/[:/]/).pop()!.split('-')[0]!, 'book');
  return asciiSlug(anyAscii(title), `book-${fromIdentifier}`);
}

/** Chapter ids from chapter file paths: the file name without its number prefix, unique, starting with a letter. */
export function chapterIds(paths: readonly string[]): string[] {
  const used = new Set<string>();
  return paths.map((file, index) => {
    const stem = file.split('/').pop()!.replace(/\.[^.]*$/, '').replace(/^[\d\s._-]+/, '');
    let id = asciiSlug(stem, `chapter-${index + 1}`);
    if (/^\d/.test(id)) id = `chapter-${id}`;
    while (used.has(id)) id = `${id}-${index + 1}`;
    used.add(id);
    return id;
  });
}
