// Corrections to how Paged.js 0.4.3 breaks text across pages, registered as a Paged.js handler before it paginates.

interface InPageBreakToken {
  node?: Node;
  offset?: number;
}

interface InPagePaged {
  Handler: new (...args: unknown[]) => object;
  registerHandlers: (...handlers: unknown[]) => void;
}

/**
 * Register, in the page (via `page.evaluate`), a handler that puts a page break inside a text node where the browser
 * broke the line, and gives it its true source node and offset. Without it Paged.js loses text in two ways:
 *
 * - It finds the first character beyond the page from each character's bounding box; the box of a character just
 *   after a line break at a soft hyphen spans both lines, so it counts as inside, stays on the page after the hyphen
 *   it no longer fits beside, and ends up on a line beyond the page ("fight-" / "ng"): move the break back over
 *   characters whose last line box lies beyond the page.
 * - It finds which source text node a split fragment comes from, and where in it, by text search: the first sibling
 *   whose text `includes` the fragment, then `indexOf` in it. When text repeats (one sentence over and over, a row of
 *   dots), or a paragraph longer than 65,536 characters arrives as several text nodes (Chromium's parser splits them),
 *   that finds an earlier place, the next page restarts too early, and the layout loop guard ("Layout repeated") ends
 *   the book there without an error. Instead, remember the source of each text node Paged.js appends: its fragment on
 *   a page starts at the page's start offset when the page starts inside it, else at 0.
 *
 * Runs in the browser: no named inner functions (tsx would wrap them in a helper the page lacks).
 */
export function registerExactTextBreaks() {
  const paged = (window as unknown as { Paged: InPagePaged }).Paged;
  const pageStarts = new WeakMap<object, InPageBreakToken | undefined>();
  const sourceOf = new WeakMap<Node, Node>();
  const probe = document.createRange();
  paged.registerHandlers(
    class extends paged.Handler {
      onPageLayout(_wrapper: Element, startToken: InPageBreakToken | undefined, layout: object) {
        pageStarts.set(layout, startToken);
      }

      renderNode(clone: Node, source: Node) {
        if (clone.nodeType === Node.TEXT_NODE) sourceOf.set(clone, source);
      }

      onOverflow(overflow: Range | undefined, _rendered: Element, bounds: DOMRect, layout: { gap?: number }) {
        if (!overflow || overflow.startContainer.nodeType !== Node.TEXT_NODE) return;
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

      onBreakToken(token: InPageBreakToken | undefined, overflow: Range | undefined, _rendered: Element, layout: object) {
        const source = overflow && sourceOf.get(overflow.startContainer);
        if (!token || !source) return;
        const start = pageStarts.get(layout);
        token.node = source;
        token.offset = (start?.node === source ? (start.offset ?? 0) : 0) + overflow.startOffset;
      }
    },
  );
}
