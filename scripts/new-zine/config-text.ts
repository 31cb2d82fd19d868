// The zine.yaml of a new manuscript: the keys it needs, each under a comment taken from the schema's description.
import { Document, isMap, isScalar } from 'yaml';
import { configKeyRows } from '../config/docs.ts';

export interface NewConfig {
  title: string;
  authors: string[];
  lang: string;
  identifier: string;
  date: string;
  theme: string;
  chapters: string[];
}

/** zine.yaml text for `config`; every key has its schema description above it, so the file explains itself. */
export function newConfigText(config: NewConfig): string {
  const descriptions = new Map(configKeyRows().map((row) => [row.key, row.description]));
  const document = new Document({ title: config.title, authors: config.authors, lang: config.lang, identifier: config.identifier, date: config.date, theme: config.theme, chapters: config.chapters });
  document.commentBefore = ' The zine: what it is called and which chapters it holds. Every key is listed in the README (zine.yaml keys).';
  if (!isMap(document.contents)) throw new Error('a new zine.yaml is a mapping');
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key)) continue;
    const description = descriptions.get(String(pair.key.value));
    if (description === undefined) throw new Error(`zine.yaml key ${String(pair.key.value)} is not in the schema`);
    pair.key.commentBefore = ` ${description}`;
  }
  return document.toString({ lineWidth: 0 });
}

/** The date of the new zine, YYYY-MM-DD: SOURCE_DATE_EPOCH when set (reproducible runs), else today (UTC). */
export function publicationDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
