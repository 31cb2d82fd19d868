// The cover as hast: title and subtitle at the head, the art (or open space) between, names and date at the foot.
import type { Element } from 'hast';
import { h } from 'hastscript';
import { hanLangOf, tagHanRuns } from '../languages/han-runs.ts';
import type { Book } from '../manuscript/book.ts';

/**
 * The cover of the print PDF's first page and of the e-book's cover image (both styled by templates/cover/cover.css);
 * `imageUrl` maps the configured cover image to the URL it is served at.
 */
export function coverContent(book: Book, imageUrl: (src: string) => string | undefined): Element {
  const { config } = book;
  const art = book.cover ? imageUrl(book.cover.src) : undefined;
  const text = (value: string) => tagHanRuns(value, config.lang, hanLangOf(book));
  const names = [config.authors.join(', '), config.publisher ?? ''].filter(Boolean).join(' · ');
  return h('div.cover', [
    h('div.cover-head', [h('p.cover-title', text(config.title)), config.subtitle ? h('p.cover-subtitle', text(config.subtitle)) : undefined]),
    art ? h('div.cover-art', [h('img', { src: art, alt: '' })]) : h('div.cover-space'),
    h('div.cover-foot', [names ? h('p.cover-names', text(names)) : undefined, h('p.cover-date', coverDate(config.date, config.lang))]),
  ]);
}

/** The publication month as the book's language writes it: `January 2022`, `2022年1月`. */
export function coverDate(date: string, lang: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const format = (locale: string) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
  try {
    return format(lang);
  } catch {
    return format('en');
  }
}
