// Find where a piece of text (a URL the renderer blocked, say) is written in the manuscript, for a message's place.
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

/** The first file whose source contains `needle`, and the line and column there; else the first file, no place. */
export function placeOfText(files: readonly VFile[], needle: string): { file: VFile | undefined; place?: { line: number; column: number } } {
  for (const file of files) {
    const offset = String(file.value ?? '').indexOf(needle);
    if (offset >= 0) return { file, place: location(file).toPoint(offset) };
  }
  return { file: files[0] };
}
