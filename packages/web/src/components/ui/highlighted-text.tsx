import type { ReactNode } from 'react';

export interface TextSpan {
  start: number;
  end: number;
  severity: string;
  /** Identifies the span for a legend or a list of messages (`data-flag`). */
  id: string;
}

/**
 * The text with flagged spans marked. Offsets are UTF-16 code units, as the engine reports them;
 * overlapping spans are drawn in order, a later one starting where the earlier ended.
 */
export function HighlightedText({
  text,
  spans,
  className,
}: {
  text: string;
  spans: TextSpan[];
  className?: string;
}) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, cursor);
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    if (start > cursor) parts.push(text.slice(cursor, start));
    parts.push(
      <mark key={`${span.id}-${start}`} className={`flag-mark flag-${span.severity}`} data-flag={span.id}>
        {text.slice(start, end)}
      </mark>,
    );
    cursor = end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <p className={`highlighted-text ${className ?? ''}`}>{parts}</p>;
}
