import { useCallback, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** Every row has this height, so the window of visible rows is a division, not a measure. */
export const ROW_HEIGHT_PX = 40;
const OVERSCAN = 8;

interface Props {
  count: number;
  heightPx: number;
  active: number;
  onActive(index: number): void;
  /** Keys the rows handle themselves (Enter, arrows right and left). */
  onRowKey(index: number, event: KeyboardEvent): void;
  renderRow(index: number, isActive: boolean): ReactNode;
  header: ReactNode;
  label: string;
  rowId(index: number): string;
}

/**
 * A scrolling list of fixed-height rows that renders only the rows in view, so that 100 000
 * lines scroll as smoothly as 100. The list is one tab stop; arrows, Page Up/Down, Home and End
 * move the active row, which the screen reader follows through aria-activedescendant.
 */
export function VirtualRows(props: Props) {
  const { count, heightPx, active, onActive, onRowKey, renderRow, header, label, rowId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const pageRows = Math.max(1, Math.floor(heightPx / ROW_HEIGHT_PX) - 1);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT_PX) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + heightPx) / ROW_HEIGHT_PX) + OVERSCAN);

  const reveal = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element) return;
      const top = index * ROW_HEIGHT_PX;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + ROW_HEIGHT_PX > element.scrollTop + heightPx - ROW_HEIGHT_PX)
        element.scrollTop = top + 2 * ROW_HEIGHT_PX - heightPx;
    },
    [heightPx],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + pageRows,
      PageUp: active - pageRows,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined && count > 0) {
      event.preventDefault();
      const next = Math.min(count - 1, Math.max(0, target));
      onActive(next);
      reveal(next);
    } else if (count > 0) onRowKey(active, event);
  };

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(renderRow(i, i === active));

  return (
    <div
      className="virtual"
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      tabIndex={0}
      aria-activedescendant={count > 0 ? rowId(active) : undefined}
      onKeyDown={onKeyDown}
    >
      {header}
      <div
        ref={scroller}
        className="virtual-scroll"
        style={{ height: heightPx }}
        role="rowgroup"
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div style={{ height: count * ROW_HEIGHT_PX, position: 'relative' }}>
          <div style={{ transform: `translateY(${first * ROW_HEIGHT_PX}px)` }}>{rows}</div>
        </div>
      </div>
    </div>
  );
}
