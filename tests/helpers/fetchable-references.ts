// What in a parsed page a browser or reading system would run or fetch: scripts, handlers, frames, remote and local-file URLs.
import type { Element, Root } from 'xast';
import { visit } from 'unist-util-visit';

/** Elements that run code, embed other documents, load resources by themselves or change where the page's URLs point. */
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'input', 'button', 'video', 'audio', 'source', 'track', 'picture', 'svg', 'math', 'noscript', 'template']);
/** Attributes whose URL is fetched without the reader doing anything (or, for `action`/`ping`, contacted on a click). */
const FETCHED_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'data', 'background', 'action', 'formaction', 'ping', 'srcdoc', 'codebase', 'xlink:href', 'style']);
/** URL schemes a link must not use: they run code or read local files. */
const UNSAFE_LINK = /^\s*(javascript|vbscript|data|file):/i;
/** A URL with a scheme or a host (`//host/x`), or an absolute path: not a file shipped beside the page. */
const NOT_LOCAL = /^\s*([a-z][a-z0-9+.-]*:|[/\\])/i;

/**
 * Every element or attribute in `tree` that would run or fetch something, as `tag[attribute=value]`; `allowed` lets
 * through what the page's own template puts there (its `<style>`, its stylesheet link).
 */
export function fetchableReferences(tree: Root, allowed: (node: Element) => boolean = () => false): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node) => {
    if (allowed(node)) return;
    const tag = node.name.toLowerCase().replace(/^.*:/, '');
    if (ACTIVE_ELEMENTS.has(tag) || tag === 'style' || tag === 'link' || (tag === 'meta' && 'http-equiv' in node.attributes)) found.push(tag);
    for (const [name, raw] of Object.entries(node.attributes)) {
      const value = raw ?? '';
      const attribute = name.toLowerCase();
      const describe = `${tag}[${attribute}=${value}]`;
      if (attribute.startsWith('on')) found.push(describe);
      else if (attribute === 'href' || attribute === 'src') {
        if (UNSAFE_LINK.test(value) || (tag !== 'a' && NOT_LOCAL.test(value))) found.push(describe);
      } else if (FETCHED_ATTRIBUTES.has(attribute)) found.push(describe);
    }
  });
  return found;
}

/** Every `href` of an `<a>` that leaves the document (has a scheme or a host). */
export function outboundLinks(tree: Root): string[] {
  const links: string[] = [];
  visit(tree, 'element', (node) => {
    const href = node.attributes.href;
    if (node.name === 'a' && href !== undefined && href !== null && NOT_LOCAL.test(href)) links.push(href);
  });
  return links;
}

/** The `src` of every `<img>`. */
export function imageSources(tree: Root): string[] {
  const sources: string[] = [];
  visit(tree, 'element', (node) => {
    if (node.name === 'img') sources.push(String(node.attributes.src ?? ''));
  });
  return sources;
}
