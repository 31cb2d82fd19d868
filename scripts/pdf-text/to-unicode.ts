// A font's ToUnicode CMap (bfchar and bfrange entries): which text each character code stands for.

/** Character code (as the string's bytes, e.g. "\x00\x2a") → Unicode text. */
export type ToUnicode = Map<string, string>;

/** Parse the CMap program `cmap` (latin1). Codes keep their byte width, as content strings carry them. */
export function parseToUnicode(cmap: string): ToUnicode {
  const map: ToUnicode = new Map();
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of body!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]*)>/gi)) map.set(hexBytes(code!), utf16(text!));
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, target] of body!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(<[0-9a-f]*>|\[[^\]]*\])/gi)) {
      const first = parseInt(low!, 16);
      const last = parseInt(high!, 16);
      const width = low!.length;
      const targets = target!.startsWith('[') ? [...target!.matchAll(/<([0-9a-f]*)>/gi)].map((match) => match[1]!) : undefined;
      const base = targets ? 0 : parseInt(target!.slice(-5, -1) || '0', 16);
      const prefix = targets ? '' : target!.slice(1, -5);
      for (let code = first; code <= last && code - first < 65536; code++) {
        const text = targets ? utf16(targets[code - first] ?? '') : utf16(`${prefix}${(base + code - first).toString(16).padStart(4, '0')}`);
        map.set(hexBytes(code.toString(16).padStart(width, '0')), text);
      }
    }
  }
  return map;
}

function hexBytes(hex: string): string {
  let bytes = '';
  for (let index = 0; index < hex.length; index += 2) bytes += String.fromCharCode(parseInt(hex.slice(index, index + 2), 16));
  return bytes;
}

/** UTF-16BE hex → text. */
export function utf16(hex: string): string {
  let text = '';
  for (let index = 0; index + 3 < hex.length; index += 4) text += String.fromCharCode(parseInt(hex.slice(index, index + 4), 16));
  return text;
}
