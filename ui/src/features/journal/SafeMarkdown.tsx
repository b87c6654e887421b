import Markdown, { type Components } from 'react-markdown';
import type { Nodes, Root } from 'mdast';

// Markdown as React elements only. Raw HTML never becomes HTML: our remark step turns every HTML
// piece the person typed ("<b>", "<script>…") into plain text, so it shows exactly as typed and
// nothing is lost; `skipHtml` stays on as a second guard. Images are not rendered (they would
// load a URL) and links are plain text (no navigation out of the app). Every block gets
// dir="auto" for right-to-left writing.

function htmlToText(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'html') {
      // Block HTML becomes a paragraph of text; inline HTML becomes text in place.
      const text = { type: 'text' as const, value: child.value };
      children[i] = (node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem'
        ? { type: 'paragraph', children: [text] }
        : text) as Nodes;
    } else {
      htmlToText(child);
    }
  }
}

const remarkHtmlAsText = () => (tree: Root) => htmlToText(tree);
const REMARK_PLUGINS = [remarkHtmlAsText];
const components: Components = {
  a: ({ children }) => <span className="md-link">{children}</span>,
  p: ({ children }) => <p dir="auto">{children}</p>,
  li: ({ children }) => <li dir="auto">{children}</li>,
  h1: ({ children }) => <h3 dir="auto">{children}</h3>,
  h2: ({ children }) => <h3 dir="auto">{children}</h3>,
  h3: ({ children }) => <h4 dir="auto">{children}</h4>,
  h4: ({ children }) => <h4 dir="auto">{children}</h4>,
  h5: ({ children }) => <h4 dir="auto">{children}</h4>,
  h6: ({ children }) => <h4 dir="auto">{children}</h4>,
  blockquote: ({ children }) => <blockquote dir="auto">{children}</blockquote>,
};

const DISALLOWED = ['img', 'iframe', 'script', 'style', 'object', 'embed', 'form', 'input'];

const noUrls = () => '';

export function SafeMarkdown({ text, testId, className }: { text: string; testId?: string; className?: string }) {
  return (
    <div className={className ? `markdown ${className}` : 'markdown'} data-testid={testId} dir="auto">
      <Markdown skipHtml remarkPlugins={REMARK_PLUGINS} disallowedElements={DISALLOWED} urlTransform={noUrls} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
