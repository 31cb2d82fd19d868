// PDF content streams as operations: each operator with its operands and where it stands in the stream (PDF 32000-1, 7.8.2).

/** An operand: a number, a name (`/F1`), a string's bytes, an array, a dictionary (`<< … >>`). */
export type Operand = number | { name: string } | { bytes: string } | Operand[] | { dict: Map<string, Operand> };

export interface Operation {
  operator: string;
  operands: Operand[];
  /** Offsets in the stream (latin1 characters = bytes) of the first operand (or the operator) and after the operator. */
  start: number;
  end: number;
}

/** PDF white-space (7.2.2) and delimiters, by character code: a table, since the parser asks of every byte. */
const WHITE_SPACE = new Uint8Array(256);
for (const code of [0, 9, 10, 12, 13, 32]) WHITE_SPACE[code] = 1;
const DELIMITER = WHITE_SPACE.slice();
for (const char of '()<>[]{}/%') DELIMITER[char.charCodeAt(0)] = 1;
const isDelimiter = (content: string, at: number) => DELIMITER[content.charCodeAt(at) & 0xff] === 1;

/** Split a content stream (as a latin1 string: one character a byte) into operations; inline images are skipped whole. */
export function parseContentStream(content: string): Operation[] {
  const operations: Operation[] = [];
  let operands: Operand[] = [];
  let operandsStart = -1;
  let at = 0;
  const stack: Operand[][] = [];

  const push = (operand: Operand, start: number) => {
    if (stack.length > 0) stack.at(-1)!.push(operand);
    else {
      if (operands.length === 0) operandsStart = start;
      operands.push(operand);
    }
  };

  while (at < content.length) {
    const char = content[at]!;
    const start = at;
    if (WHITE_SPACE[content.charCodeAt(at) & 0xff] === 1) {
      at++;
    } else if (char === '%') {
      while (at < content.length && content[at] !== '\n' && content[at] !== '\r') at++;
    } else if (char === '(') {
      const [bytes, next] = readLiteralString(content, at);
      push({ bytes }, start);
      at = next;
    } else if (char === '<' && content[at + 1] === '<') {
      stack.push([]);
      at += 2;
    } else if (char === '>' && content[at + 1] === '>') {
      const items = stack.pop() ?? [];
      const dict = new Map<string, Operand>();
      for (let index = 0; index + 1 < items.length; index += 2) {
        const key = items[index];
        if (key && typeof key === 'object' && 'name' in key) dict.set(key.name, items[index + 1]!);
      }
      push({ dict }, start);
      at += 2;
    } else if (char === '<') {
      const close = content.indexOf('>', at);
      const hex = content.slice(at + 1, close === -1 ? content.length : close).replace(/\s+/g, '');
      const padded = hex.length % 2 === 1 ? `${hex}0` : hex;
      let bytes = '';
      for (let index = 0; index < padded.length; index += 2) bytes += String.fromCharCode(parseInt(padded.slice(index, index + 2), 16));
      push({ bytes }, start);
      at = close === -1 ? content.length : close + 1;
    } else if (char === '[') {
      stack.push([]);
      at++;
    } else if (char === ']') {
      push(stack.pop() ?? [], start);
      at++;
    } else if (char === '/') {
      at++;
      while (at < content.length && !isDelimiter(content, at)) at++;
      push({ name: content.slice(start + 1, at).replace(/#([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))) }, start);
    } else {
      while (at < content.length && !isDelimiter(content, at)) at++;
      if (at === start) at++; // a stray delimiter (`)`, `{`): skip it
      const word = content.slice(start, at);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
        push(Number(word), start);
      } else if (stack.length > 0) {
        push(word === 'true' || word === 'false' || word === 'null' ? 0 : { name: word }, start);
      } else {
        if (word === 'BI') at = skipInlineImage(content, at);
        operations.push({ operator: word, operands, start: operandsStart === -1 ? start : operandsStart, end: at });
        operands = [];
        operandsStart = -1;
      }
    }
  }
  return operations;
}

/** A literal string from its `(` to the matching `)`, escapes resolved; returns the bytes and the offset after it. */
function readLiteralString(content: string, open: number): [string, number] {
  let depth = 0;
  let bytes = '';
  let at = open;
  while (at < content.length) {
    const char = content[at]!;
    if (char === '\\') {
      const next = content[at + 1] ?? '';
      const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
      if (next in escapes) {
        bytes += escapes[next];
        at += 2;
      } else if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(content.slice(at + 1, at + 4))![0];
        bytes += String.fromCharCode(parseInt(octal, 8) & 0xff);
        at += 1 + octal.length;
      } else {
        at += next === '\r' && content[at + 2] === '\n' ? 3 : 2; // a line continuation, or an unknown escape
      }
      continue;
    }
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (depth === 0) return [bytes, at + 1];
    if (at !== open) bytes += char;
    at++;
  }
  return [bytes, at];
}

/** After `BI`: past the image data and its `EI` (the data is binary: look for EI between whitespace). */
function skipInlineImage(content: string, at: number): number {
  const end = /\sEI(?=[\s]|$)/g;
  end.lastIndex = content.indexOf('ID', at) + 3;
  const match = end.exec(content);
  return match ? match.index + 3 : content.length;
}
