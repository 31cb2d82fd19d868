// A reproducible EPUB zip: `mimetype` first and stored, the rest in name order (deflated unless compressed already), every entry dated the same.
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** The OCF media type, which must be the first entry, uncompressed. */
const MIMETYPE = 'application/epub+zip';
const COMPRESSED = /\.(?:jpe?g|png|gif|webp|woff2?)$/i;

/**
 * Rewrite `zip` (as epub-gen-memory made it: entries dated "now", in insertion order, with folder entries) into
 * bytes that depend only on the files' contents and `modified`.
 */
export function repackEpub(zip: Uint8Array, modified: Date): Uint8Array {
  const entries = unzipSync(zip);
  const mimetype = entries.mimetype;
  if (!mimetype || strFromU8(mimetype) !== MIMETYPE) throw new Error('epub-gen-memory produced no `mimetype` entry');
  const mtime = entryDate(modified);
  const files: Zippable = { mimetype: [mimetype, { level: 0, mtime }] };
  const names = Object.keys(entries)
    .filter((name) => name !== 'mimetype' && !name.endsWith('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Images and fonts are compressed already: deflating them again costs time and saves nothing.
  for (const name of names) files[name] = [entries[name]!, { level: COMPRESSED.test(name) ? 0 : 9, mtime }];
  return zipSync(files);
}

/**
 * Zip stores local wall-clock time: build a local Date whose fields are `modified`'s UTC fields, so the bytes do not
 * depend on the machine's time zone. Zip cannot date before 1980; a time the zone skips (DST) falls back to 1980.
 */
function entryDate(modified: Date): Date {
  const fields = [Math.max(1980, modified.getUTCFullYear()), modified.getUTCMonth(), modified.getUTCDate(), modified.getUTCHours(), modified.getUTCMinutes(), modified.getUTCSeconds()] as const;
  const local = new Date(...fields);
  return local.getHours() === fields[3] && local.getDate() === fields[2] ? local : new Date(1980, 0, 1);
}
