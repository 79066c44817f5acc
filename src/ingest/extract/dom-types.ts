// The few DOM members extraction uses, typed structurally: the project compiles without the DOM
// lib, and linkedom's own typings lean on it, so the parsed document is narrowed to these once.

/** A DOM node as linkedom exposes it. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
}

/** A DOM element as linkedom exposes it. */
export interface DomElement extends DomNode {
  readonly localName: string;
  readonly parentElement: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  remove(): void;
}

/** A parsed HTML document as linkedom exposes it. */
export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

/** Node types we branch on. */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
