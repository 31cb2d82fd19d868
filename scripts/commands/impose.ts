// `zine impose <pdf>`: impose any existing PDF in one of the layouts, and with --preview draw each sheet side as a PNG.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../build/write-atomic.ts';
import { lengthToPoints } from '../config/length.ts';
import { ImposeError, imposeLayout, parseSignatureSheets, type Binding, type ImposeOptions, type LayoutName, type SheetChoice } from '../impose/index.ts';
import { previewSheets } from '../impose/preview.ts';

export interface ImposeCommand {
  pdf: string;
  layout: LayoutName;
  /** Default: the layout's own (auto; A4 for the mini zine). */
  sheet?: SheetChoice;
  binding: Binding;
  out?: string;
  signatureSheets?: string;
  creep?: string;
  perSide?: number;
  guides: boolean;
  preview: boolean;
}

/** Impose the PDF file; resolves to the paths written (the PDF, then any preview images). Bad input throws ImposeError. */
export async function runImpose(command: ImposeCommand): Promise<string[]> {
  const source = await readFile(command.pdf).catch((error: NodeJS.ErrnoException) => {
    throw new ImposeError(`Cannot read ${command.pdf}: ${error.code ?? error.message}`);
  });
  const creep = command.creep === undefined ? undefined : lengthToPoints(command.creep);
  if (creep === undefined && command.creep !== undefined) throw new ImposeError(`--creep takes a length such as 0.5mm, not ${command.creep}`);
  const signatureSheets = command.signatureSheets === undefined ? undefined : parseSignatureSheets(command.signatureSheets);
  if (signatureSheets === undefined && command.signatureSheets !== undefined) {
    throw new ImposeError(`--signature-sheets takes a number of sheets or a range such as 4-8, not ${command.signatureSheets}`);
  }
  const options: ImposeOptions = {
    layout: command.layout,
    sheet: command.sheet,
    binding: command.binding,
    signatureSheets,
    creep,
    perSide: command.perSide,
    guides: command.guides,
  };
  const imposed = await imposeLayout(source, options);
  const base = command.out ? command.out.replace(/\.pdf$/i, '') : path.join(path.dirname(command.pdf), `${path.basename(command.pdf, '.pdf')}-${command.layout}`);
  const target = `${base}.pdf`;
  await writeFileAtomic(target, imposed);
  if (!command.preview) return [target];
  const images = await previewSheets(source, options);
  const digits = String(images.length).length;
  const written = await Promise.all(images.map(async (png, index) => {
    const name = `${base}-side-${String(index + 1).padStart(digits, '0')}.png`;
    await writeFileAtomic(name, png);
    return name;
  }));
  return [target, ...written];
}
