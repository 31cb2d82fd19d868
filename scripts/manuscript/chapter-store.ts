// Compiled chapters kept on disk between runs, so a build of text that has not changed skips Markdown parsing. An
// entry is for one chapter file's bytes, Markdown dialect, manuscript folder and working directory (messages name
// paths from it), and is used only while every image the chapter names still resolves as it did.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { VFile, type Data } from 'vfile';
import { diskStore } from '../cache/disk-store.ts';
import { resolveImage } from './plugins/rehype-check-images.ts';
import type { ChapterProcessorOptions } from './processor.ts';
import { compileChapter, type CompiledChapter } from './read-chapter.ts';

/** A message as plain data: what `file.message` was given, and what was set on it after. */
type StoredMessage = { reason: string } & Record<string, unknown>;

interface StoredChapter {
  value: string | undefined;
  data: Data;
  messages: StoredMessage[];
  chapter: Omit<CompiledChapter, 'file'>;
}

/** Derived again by `file.message`, or not data. */
const UNSTORED = new Set(['stack', 'cause', 'ancestors']);

const store = diskStore<StoredChapter>('chapters');

/** `compileChapter`, from the store when this chapter was compiled before as it is now. */
export async function compileChapterStored(filePath: string, options: ChapterProcessorOptions, bytes: Uint8Array): Promise<CompiledChapter> {
  const slot = `${options.root}\0${filePath}`;
  const key = `${JSON.stringify([process.cwd(), options.markdown ?? 'extended'])}\0${createHash('sha256').update(bytes).digest('hex')}`;
  const stored = await store.get(slot, key);
  if (stored && stillResolves(stored.data, options.root, filePath)) return restore(filePath, stored);
  const compiled = await compileChapter(filePath, options, bytes);
  const { file, ...chapter } = compiled;
  const messages = file.messages.map((message) => Object.fromEntries(Object.entries(message).filter(([name]) => !UNSTORED.has(name))) as StoredMessage);
  await store.set(slot, key, { value: typeof file.value === 'string' ? file.value : undefined, data: file.data, messages, chapter });
  return compiled;
}

function stillResolves(data: Data, root: string, filePath: string): boolean {
  return (data.imageLookups ?? []).every(([src, resolved]) => isDeepStrictEqual(resolveImage(src, root, path.dirname(filePath)), resolved));
}

function restore(filePath: string, stored: StoredChapter): CompiledChapter {
  const file = new VFile({ path: filePath, cwd: process.cwd(), value: stored.value });
  file.data = stored.data;
  for (const { reason, place, ruleId, source, ...rest } of stored.messages) {
    Object.assign(file.message(reason, { place: place as never, ruleId: ruleId as string, source: source as string }), rest);
  }
  return { file, ...stored.chapter };
}
