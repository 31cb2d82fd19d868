// Our Paged.js handler: page breaks in text where the browser broke the line, at the true offset; figures that fit.

interface InPageBreakToken {
  node?: Node;
  offset?: number;
}

interface InPagePaged {
  Handler: new (...args: unknown[]) => object;
  registerHandlers: (...handlers: unknown[]) => void;
  registeredHandlers: { name: string; prototype: { moveFootnote?: MoveFootnote; createFootnoteCall?: CreateFootnoteCall; onContent?: OnContent } }[];
}

type OnContent = (this: unknown, funcNode: { name: string }, ...rest: unknown[]) => void;

type CreateFootnoteCall = (this: unknown, note: HTMLElement) => HTMLElement;

type MoveFootnote = (this: unknown, note: HTMLElement, pageArea: HTMLElement, needsNoteCall: boolean) => void;

interface InPagePage {
  element: HTMLElement;
}

interface InPageLayout {
  gap?: number;
  findOverflow: (rendered: Element, bounds: DOMRect) => Range | undefined;
}

export interface PagedHandlerOptions {
  /** Smallest share of its height a figure's image may be scaled to, to stay on the page it starts on. */
  figureMinScale: number;
}

/**
 * Register, in the page (via `page.evaluate`), before Paged.js paginates. Without it Paged.js loses text two ways:
 *
 * - It finds the first character beyond the page from each character's bounding box; the box of a character just
 *   after a line break at a soft hyphen spans both lines, so it counts as inside, stays on the page after the hyphen
 *   it no longer fits beside, and ends up on a line beyond the page ("fight-" / "ng"): the break moves back over
 *   characters whose last line box lies beyond the page.
 * - It finds which source text node a split fragment comes from, and where in it, by text search: the first sibling
 *   whose text `includes` the fragment, then `indexOf` in it. When text repeats (one sentence over and over, a row of
 *   dots), or a paragraph longer than 65,536 characters arrives as several text nodes (Chromium's parser splits them),
 *   that finds an earlier place, the next page restarts too early, and the layout loop guard ("Layout repeated") ends
 *   the book there without an error. Instead, remember the source of each text node Paged.js appends: its fragment on
 *   a page starts at the page's start offset when the page starts inside it, else at 0.
 *
 * And a figure that does not fit at the foot of a page would move whole to the next, leaving a hole: when scaling its
 * image to no less than `figureMinScale` of its height makes it fit, it stays.
 *
 * And a note too long for the room left below its call should take the call's line to the next page with it: Paged.js
 * grows the note area up to the bottom of the call's glyphs, but the line box reaches a little lower, and where that
 * still fits (Chromium 156's metrics for the print-notes fixture) the call stays while its note goes to the next page.
 * The area grows past the call's glyphs, so the line cannot stay.
 *
 * And a finished page leaves the document until the book is done: Chromium otherwise walks every earlier page's
 * boxes and styles on each of the thousands of layouts and restyles Paged.js makes, so the time per page grew with the
 * book (894 pages: 17 ms a page at the start, 70 ms at the end; now 17 ms throughout). Paged.js only touches the page
 * it fills; the last few stay all the same. Not when a stylesheet uses target-counter() or target-text(): those look
 * their targets up among all the pages. A page out of the document counts no counters, so a note call shows the
 * book's number of its note (print.css) from the moment Paged.js makes it, not Paged.js's counter: its width, and the
 * lines around it, are final.
 *
 * Runs in the browser: no named inner functions (tsx would wrap them in a helper the page lacks); methods are fine.
 */
export function registerPagedHandlers(options: PagedHandlerOptions) {
  const paged = (window as unknown as { Paged: InPagePaged }).Paged;
  const SHOWN_PAGES = 3;
  const pageStarts = new WeakMap<object, InPageBreakToken | undefined>();
  const sourceOf = new WeakMap<Node, Node>();
  const naturalHeights = new WeakMap<Element, number>();
  const probe = document.createRange();
  const footnotes = paged.registeredHandlers.find((handler) => handler.name === 'Footnotes')?.prototype;
  const moveFootnote = footnotes?.moveFootnote;
  let pagesLookedUp = false;
  for (const { name, prototype } of paged.registeredHandlers) {
    const onContent = prototype.onContent;
    if ((name !== 'TargetCounters' && name !== 'TargetText') || !onContent) continue;
    prototype.onContent = function (funcNode, ...rest) {
      if (funcNode.name === 'target-counter' || funcNode.name === 'target-text') pagesLookedUp = true;
      onContent.call(this, funcNode, ...rest);
    };
  }
  const createFootnoteCall = footnotes?.createFootnoteCall;
  if (footnotes && createFootnoteCall) {
    footnotes.createFootnoteCall = function (note) {
      const call = createFootnoteCall.call(this, note);
      if (note.dataset.noteNumber) call.dataset.noteNumber = note.dataset.noteNumber;
      return call;
    };
  }
  if (footnotes && moveFootnote) {
    footnotes.moveFootnote = function (note, pageArea, needsNoteCall) {
      const inner = pageArea.querySelector<HTMLElement>('.pagedjs_footnote_inner_content');
      const before = inner?.style.height;
      moveFootnote.call(this, note, pageArea, needsNoteCall);
      // Only Paged.js's "no room below the call" case sets the inner height.
      if (!needsNoteCall || !inner || inner.style.height === before) return;
      const call = pageArea.querySelector(`[data-footnote-call="${note.dataset.ref}"]`);
      const content = pageArea.querySelector('.pagedjs_page_content');
      if (!call || !content) return;
      const callBox = call.getBoundingClientRect();
      const contentBox = content.getBoundingClientRect();
      // A call already moved on (into the page's next, hidden column) leaves with its line: nothing to do.
      if (callBox.left >= contentBox.right) return;
      const extra = Math.ceil(contentBox.bottom - (Math.floor(callBox.bottom) - 1));
      // More than a few lines' worth would be a case this does not know: leave Paged.js's choice.
      if (extra <= 0 || extra > 3 * callBox.height) return;
      const height = parseFloat(pageArea.style.getPropertyValue('--pagedjs-footnotes-height'));
      pageArea.style.setProperty('--pagedjs-footnotes-height', `${height + extra}px`);
      inner.style.height = `${parseFloat(inner.style.height) + extra}px`;
    };
  }
  paged.registerHandlers(
    class extends paged.Handler {
      afterPageLayout(_element: Element, _page: unknown, _token: unknown, chunker: { pages: InPagePage[] }) {
        if (!pagesLookedUp) chunker.pages[chunker.pages.length - 1 - SHOWN_PAGES]?.element.remove();
      }

      afterRendered(pages: InPagePage[], chunker: { pagesArea: HTMLElement }) {
        chunker.pagesArea.prepend(...pages.filter((page) => !page.element.isConnected).map((page) => page.element));
      }

      onPageLayout(_wrapper: Element, startToken: InPageBreakToken | undefined, layout: object) {
        pageStarts.set(layout, startToken);
      }

      renderNode(clone: Node, source: Node) {
        if (clone.nodeType === Node.TEXT_NODE) sourceOf.set(clone, source);
      }

      onOverflow(overflow: Range | undefined, rendered: Element, bounds: DOMRect, layout: InPageLayout) {
        const fitted = overflow && this.fitFigure(overflow, rendered, bounds, layout);
        const final = fitted === undefined ? overflow : fitted;
        if (final) this.snapTextBreak(final, bounds, layout);
        return fitted;
      }

      onBreakToken(token: InPageBreakToken | undefined, overflow: Range | undefined, _rendered: Element, layout: object) {
        const source = overflow && sourceOf.get(overflow.startContainer);
        if (!token || !source) return;
        const start = pageStarts.get(layout);
        token.node = source;
        token.offset = (start?.node === source ? (start.offset ?? 0) : 0) + overflow.startOffset;
      }

      /** Scale the image of the figure the overflow starts in, if that makes it fit: the new overflow (null: none). */
      fitFigure(overflow: Range, rendered: Element, bounds: DOMRect, layout: InPageLayout): Range | null | undefined {
        const { startContainer, startOffset } = overflow;
        const start = startContainer.nodeType === Node.ELEMENT_NODE ? (startContainer.childNodes[startOffset] ?? startContainer) : startContainer;
        const figure = (start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement)?.closest('figure');
        const image = figure && rendered.contains(figure) ? figure.querySelector<HTMLImageElement>('img') : null;
        if (!figure || !image) return undefined;
        // A figure that does not fit sits whole in the page's next (hidden) column: measure the room below what
        // precedes it instead, its margins collapsing with the figure's.
        const before = figure.previousElementSibling;
        if (!before || before.getBoundingClientRect().right > bounds.right + 1) return undefined;
        const gap = Math.max(parseFloat(getComputedStyle(before).marginBottom), parseFloat(getComputedStyle(figure).marginTop));
        const room = bounds.bottom - before.getBoundingClientRect().bottom - gap;
        const height = image.getBoundingClientRect().height;
        if (!naturalHeights.has(image)) naturalHeights.set(image, height);
        const fitting = Math.floor(room - (this.wholeFigureHeight(figure) - height)) - 1;
        if (fitting >= height || fitting < naturalHeights.get(image)! * options.figureMinScale) return undefined;
        image.style.maxHeight = `${fitting}px`;
        return layout.findOverflow(rendered, bounds) ?? null;
      }

      /** The figure's height with its caption, which Paged.js may not have appended yet: measured on a stand-in copy. */
      wholeFigureHeight(figure: Element): number {
        const source = (this as unknown as { chunker: { source: ParentNode } }).chunker.source.querySelector(`[data-ref="${figure.getAttribute('data-ref')}"]`);
        const missing = source ? [...source.childNodes].slice(figure.childNodes.length).map((child) => child.cloneNode(true)) : [];
        figure.append(...missing);
        const height = figure.getBoundingClientRect().height;
        for (const child of missing) child.parentNode?.removeChild(child);
        return height;
      }

      /** Move a break inside a text node back to where the browser broke the line (see above). */
      snapTextBreak(overflow: Range, bounds: DOMRect, layout: InPageLayout) {
        if (overflow.startContainer.nodeType !== Node.TEXT_NODE) return;
        // The same limits as Paged.js's findOverflow.
        const end = Math.round(bounds.right + (layout.gap ?? 0));
        const bottom = Math.round(bounds.bottom);
        const text = overflow.startContainer;
        let offset = overflow.startOffset;
        while (offset > 1) {
          probe.setStart(text, offset - 1);
          probe.setEnd(text, offset);
          const boxes = probe.getClientRects();
          const last = boxes[boxes.length - 1];
          if (!last || (Math.floor(last.left) < end && Math.floor(last.top) < bottom)) break;
          offset--;
        }
        if (offset !== overflow.startOffset) overflow.setStart(text, offset);
      }
    },
  );
}
