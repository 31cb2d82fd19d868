// A new chapter file: its name from its place and title, and its first lines.
import { asciiSlug } from '../manuscript/names.ts';

/** `03-the-title.md` for the third chapter; titles with no ASCII letters fall back to `03-chapter.md`. */
export function chapterFileName(position: number, title: string): string {
  return `${String(position).padStart(2, '0')}-${asciiSlug(title, 'chapter')}.md`;
}

/** The Markdown of an empty chapter called `title`. */
export function newChapterText(title: string): string {
  return `# ${title.replace(/\s+/g, ' ').trim()}\n\nWrite here.\n`;
}
