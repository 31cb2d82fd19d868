// zine.yaml's `booklet` as imposition options: for the booklet the build writes and the sheets the watch previews.
import { buildDate } from '../config/build-date.ts';
import { lengthToPoints } from '../config/length.ts';
import type { ZineConfig } from '../config/schema.ts';
import { parseSignatureSheets } from '../impose/booklet-order.ts';
import type { ImposeOptions } from '../impose/impose-layout.ts';
import { bindingOf } from '../languages/index.ts';

/** How zine.yaml's `booklet` imposes: the layout, its sheet, binding side (from the language unless set), signatures and creep. */
export function bookletOptions(config: ZineConfig): ImposeOptions {
  const { layout, sheet, binding, signatureSheets, creep, perSide } = config.booklet;
  return {
    layout,
    sheet,
    binding: bindingOf(config.lang, binding),
    signatureSheets: signatureSheets === undefined ? undefined : parseSignatureSheets(signatureSheets),
    creep: lengthToPoints(creep),
    perSide,
    date: buildDate(),
  };
}
