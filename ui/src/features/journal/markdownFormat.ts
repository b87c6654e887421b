// The editor's light formatting: Markdown put around or before the selection of a textarea.
export type FormatKind = 'bold' | 'italic' | 'heading' | 'bullet' | 'numbered';

export type Edit = { start: number; end: number; text: string; selectStart: number; selectEnd: number };

/** What to replace (start…end with text) and what to select afterwards. */
export function formatEdit(value: string, selStart: number, selEnd: number, kind: FormatKind): Edit {
  if (kind === 'bold' || kind === 'italic') {
    const mark = kind === 'bold' ? '**' : '*';
    const selected = value.slice(selStart, selEnd);
    // Keep surrounding spaces outside the marks ("**word** " rather than "**word **").
    const lead = /^\s*/.exec(selected)?.[0] ?? '';
    const trail = selected.length > lead.length ? (/\s*$/.exec(selected)?.[0] ?? '') : '';
    const core = selected.slice(lead.length, selected.length - trail.length);
    const text = `${lead}${mark}${core}${mark}${trail}`;
    const innerStart = selStart + lead.length + mark.length;
    return { start: selStart, end: selEnd, text, selectStart: innerStart, selectEnd: innerStart + core.length };
  }
  // Line formats: apply to every line the selection touches.
  const lineStart = value.lastIndexOf('\n', selStart - 1) + 1;
  let lineEnd = value.indexOf('\n', selEnd > selStart && value[selEnd - 1] === '\n' ? selEnd - 1 : selEnd);
  if (lineEnd < 0) lineEnd = value.length;
  const lines = value.slice(lineStart, lineEnd).split('\n');
  const prefixed = lines.map((line, i) => {
    const bare = line.replace(/^(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)/, '');
    if (kind === 'heading') return `## ${bare}`;
    if (kind === 'bullet') return `- ${bare}`;
    return `${i + 1}. ${bare}`;
  });
  const text = prefixed.join('\n');
  return { start: lineStart, end: lineEnd, text, selectStart: lineStart + text.length, selectEnd: lineStart + text.length };
}

/**
 * Applies the edit to the textarea. Uses the browser's own insert command when it has one (so
 * Ctrl+Z undoes it), otherwise replaces the range. Returns the textarea's new value.
 */
export function applyEdit(textarea: HTMLTextAreaElement, edit: Edit): string {
  textarea.focus();
  textarea.setSelectionRange(edit.start, edit.end);
  let inserted = false;
  try {
    inserted = typeof document.execCommand === 'function' && document.execCommand('insertText', false, edit.text);
  } catch {
    inserted = false;
  }
  if (!inserted || textarea.value.slice(edit.start, edit.start + edit.text.length) !== edit.text) {
    textarea.setRangeText(edit.text, edit.start, edit.end, 'end');
  }
  textarea.setSelectionRange(edit.selectStart, edit.selectEnd);
  return textarea.value;
}
