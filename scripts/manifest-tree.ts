/**
 * The manifest as a tree of elements, from fast-xml-parser's ordered output: names with and without
 * their namespace prefix, attributes by local name, children in document order, and a parent link.
 */
import { XMLParser } from "fast-xml-parser";

export interface Element {
  /** as written, with its prefix: "bt:Image" */
  name: string;
  /** without prefix: "Image" */
  local: string;
  /** by local attribute name ("xsi:type" is "type"); xmlns declarations left out */
  attrs: Record<string, string>;
  children: Element[];
  text: string;
  parent?: Element;
}

type OrderedNode = Record<string, unknown>;

export function parse(xmlText: string): Element | undefined {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  return toElements(parser.parse(xmlText) as OrderedNode[])[0];
}

/** fast-xml-parser's ordered output ([{tag: children, ":@": attributes}, {"#text": ...}]) as a tree. */
function toElements(nodes: OrderedNode[], parent?: Element): Element[] {
  const elements: Element[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (!name || name.startsWith("#") || name.startsWith("?")) continue;
    const element: Element = { name, local: localName(name), attrs: {}, children: [], text: "", parent };
    for (const [key, value] of Object.entries((node[":@"] ?? {}) as Record<string, unknown>)) {
      if (key !== "xmlns" && !key.startsWith("xmlns:")) element.attrs[localName(key)] = String(value);
    }
    const content = node[name] as OrderedNode[];
    element.children = toElements(content, element);
    element.text = content
      .filter((c) => "#text" in c)
      .map((c) => String(c["#text"]))
      .join("")
      .trim();
    elements.push(element);
  }
  return elements;
}

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

export function descendants(element: Element): Element[] {
  return [element, ...element.children.flatMap(descendants)];
}

export function ancestors(element: Element): Element[] {
  return element.parent ? [element.parent, ...ancestors(element.parent)] : [];
}

/** The elements reached from `element` through children with these local names, in order. */
export function childPath(element: Element, ...locals: string[]): Element[] {
  return locals.reduce<Element[]>(
    (level, local) => level.flatMap((e) => e.children.filter((c) => c.local === local)),
    [element],
  );
}

/** A short location for messages: "Action[ShowTaskpane] > SourceLocation". */
export function where(element: Element): string {
  const chain = [element, ...ancestors(element)].slice(0, 3).reverse();
  return "<" + chain.map((e) => (e.attrs.type ? `${e.name}[${e.attrs.type}]` : e.name)).join(" > ") + ">";
}
