import { forwardRef, useMemo } from 'react';
import { markSegments, type ToneWarning } from '@/lib/snippets';

/**
 * The underline layer behind the draft: the same text, laid out exactly like the textarea
 * (same box, font and wrapping) but transparent, with the words a finding names underlined in
 * the finding's colour. The textarea stays the one editable, accessible element; this layer is
 * hidden from assistive technology, which reads the findings list instead.
 */
export const DraftMarks = forwardRef<HTMLDivElement, { text: string; warnings: readonly ToneWarning[]; current: number }>(
  function DraftMarks({ text, warnings, current }, ref) {
    const segments = useMemo(() => markSegments(text, warnings), [text, warnings]);
    return (
      <div className="fl-editor fl-editor-marks" aria-hidden="true" ref={ref} data-testid="draft-marks">
        {segments.map((s) =>
          s.warning < 0 ? (
            s.text
          ) : (
            <mark
              key={s.start}
              className={`fl-mark fl-mark-${warnings[s.warning]!.kind}${s.warning === current ? ' is-current' : ''}`}
              data-kind={warnings[s.warning]!.kind}
            >
              {s.text}
            </mark>
          ),
        )}
        {/* A trailing newline in a textarea still takes a line; the layer must too. */}
        {'\u200b'}
      </div>
    );
  },
);
