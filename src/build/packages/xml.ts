/** A tiny XML writer for the package manifests: elements from data, every text escaped. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML text and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** An element: name, attributes (undefined ones left out) and children (elements or text). */
export interface XmlNode {
  name: string;
  attrs?: Record<string, string | undefined>;
  children?: (XmlNode | string)[];
}

/** Shorthand for an XmlNode. */
export function el(name: string, attrs: Record<string, string | undefined> = {}, ...children: (XmlNode | string)[]): XmlNode {
  return { name, attrs, children };
}

function render(node: XmlNode | string, indent: string): string {
  if (typeof node === 'string') return indent + escapeXml(node);
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v as string)}"`)
    .join('');
  const kids = node.children ?? [];
  if (!kids.length) return `${indent}<${node.name}${attrs}/>`;
  if (kids.length === 1 && typeof kids[0] === 'string') return `${indent}<${node.name}${attrs}>${escapeXml(kids[0])}</${node.name}>`;
  return `${indent}<${node.name}${attrs}>\n${kids.map((k) => render(k, indent + '  ')).join('\n')}\n${indent}</${node.name}>`;
}

/** A whole XML document with its declaration and an optional leading comment. */
export function xmlDocument(root: XmlNode, comment?: string): string {
  const note = comment ? `<!-- ${comment.replace(/--/g, '—')} -->\n` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${note}${render(root, '')}\n`;
}
