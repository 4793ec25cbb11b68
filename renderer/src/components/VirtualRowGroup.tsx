import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

interface Props {
  count: number;
  /** every row is this tall (px): fixed heights keep scrolling free of measuring */
  rowHeight: number;
  /** CSS length the box never grows past, e.g. `520px` or `max(280px, 100vh - 330px)` */
  maxHeight: string;
  testId: string;
  /** one row, absolutely placed at `item.start`; give it `key` */
  children(item: VirtualItem): ReactNode;
}

/**
 * The scrolling body of a div table (role="table" with grid rows): as tall as its rows up to `maxHeight`, and
 * only the rows in view (plus a few either side) exist in the DOM, so thousands of rows scroll like a dozen.
 * The header stays outside this box, so it never scrolls away.
 */
export function VirtualRowGroup({ count, rowHeight, maxHeight, testId, children }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 6 });
  return (
    <div
      ref={scroller}
      role="rowgroup"
      data-testid={testId}
      style={{ height: `min(${count * rowHeight}px, ${maxHeight})`, overflowY: 'auto', contain: 'strict' }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>{virtualizer.getVirtualItems().map(children)}</div>
    </div>
  );
}
