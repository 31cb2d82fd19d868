// `zine impose <pdf>`: impose any existing PDF as a booklet or a one-sheet mini zine.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../build/write-atomic.ts';
import { lengthToPoints } from '../config/length.ts';
import { ImposeError, imposeBooklet, imposeMinizine, type SheetChoice } from '../impose/index.ts';

export interface ImposeCommand {
  pdf: string;
  layout: 'booklet' | 'minizine';
  sheet: SheetChoice;
  out?: string;
  signatureSheets?: number;
  creep?: string;
  guides: boolean;
}

/** Impose the PDF file; resolves to the output path. Bad options or an unreadable PDF throw ImposeError. */
export async function runImpose(command: ImposeCommand): Promise<string> {
  const source = await readFile(command.pdf).catch((error: NodeJS.ErrnoException) => {
    throw new ImposeError(`Cannot read ${command.pdf}: ${error.code ?? error.message}`);
  });
  const creep = command.creep === undefined ? undefined : lengthToPoints(command.creep);
  if (creep === undefined && command.creep !== undefined) throw new ImposeError(`--creep takes a length such as 0.5mm, not ${command.creep}`);
  const imposed =
    command.layout === 'booklet'
      ? await imposeBooklet(source, { sheet: command.sheet, signatureSheets: command.signatureSheets, creep })
      : await imposeMinizine(source, { sheet: command.sheet === 'auto' ? 'a4' : command.sheet, guides: command.guides });
  const target = command.out ?? path.join(path.dirname(command.pdf), `${path.basename(command.pdf, '.pdf')}-${command.layout}.pdf`);
  await writeFileAtomic(target, imposed);
  return target;
}
