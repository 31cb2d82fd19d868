// The characters a font really holds: its cmap table (formats 4 and 12), read from the sfnt bytes.
import type { CodePointRanges } from './unicode-range.ts';

/** Code point intervals the font maps to a glyph other than .notdef, from its best Unicode subtable. */
export function cmapRanges(sfnt: Buffer): CodePointRanges {
  const tables = sfnt.readUInt16BE(4);
  let cmap = -1;
  for (let index = 0; index < tables; index++) {
    const entry = 12 + index * 16;
    if (sfnt.toString('latin1', entry, entry + 4) === 'cmap') cmap = sfnt.readUInt32BE(entry + 8);
  }
  if (cmap < 0) return [];
  const subtables = sfnt.readUInt16BE(cmap + 2);
  const offsets = new Map<number, number>();
  for (let index = 0; index < subtables; index++) {
    const record = cmap + 4 + index * 8;
    const offset = cmap + sfnt.readUInt32BE(record + 4);
    offsets.set(sfnt.readUInt16BE(offset), offset);
  }
  const format12 = offsets.get(12);
  if (format12 !== undefined) return format12Ranges(sfnt, format12);
  const format4 = offsets.get(4);
  return format4 === undefined ? [] : format4Ranges(sfnt, format4);
}

function format12Ranges(sfnt: Buffer, offset: number): CodePointRanges {
  const groups = sfnt.readUInt32BE(offset + 12);
  const ranges: CodePointRanges = [];
  for (let index = 0; index < groups; index++) {
    const group = offset + 16 + index * 12;
    ranges.push([sfnt.readUInt32BE(group), sfnt.readUInt32BE(group + 4)]);
  }
  return ranges;
}

/** Format 4 segments; a character whose glyph id works out to 0 is not held. */
function format4Ranges(sfnt: Buffer, offset: number): CodePointRanges {
  const segments = sfnt.readUInt16BE(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const ranges: CodePointRanges = [];
  for (let segment = 0; segment < segments; segment++) {
    const end = sfnt.readUInt16BE(ends + segment * 2);
    const start = sfnt.readUInt16BE(starts + segment * 2);
    const delta = sfnt.readInt16BE(deltas + segment * 2);
    const rangeOffsetAt = rangeOffsets + segment * 2;
    const rangeOffset = sfnt.readUInt16BE(rangeOffsetAt);
    if (start === 0xffff) continue;
    for (let point = start; point <= end; point++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (point + delta) & 0xffff;
      else {
        const glyphAt = rangeOffsetAt + rangeOffset + (point - start) * 2;
        glyph = glyphAt + 1 < sfnt.length ? sfnt.readUInt16BE(glyphAt) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph === 0) continue;
      const last = ranges.at(-1);
      if (last && last[1] === point - 1) last[1] = point;
      else ranges.push([point, point]);
    }
  }
  return ranges;
}
