// Plain-text tables for a terminal of a given width. When every row fits, one line per row.
// When not, the `detail` column (a reason, a problem) moves to an indented line of its own
// under its row, and the other columns give way, widest first, their cells cut with an
// ellipsis at the end or in the middle (references keep their tail: the tag). Full detail
// belongs in the JSON reports, not in a 237-character row.

export interface Column {
  readonly header: string
  /** Never wider than this, even with room to spare. */
  readonly max?: number
  /** How a cell is cut when the column must give way; 'none' never shrinks. */
  readonly cut: 'end' | 'middle' | 'none'
}

export interface TableLayout {
  /** Index of the column that moves to its own line when rows do not fit. */
  readonly detail?: number
}

const GAP = '  '
const INDENT = '    '
/** A shrinking column keeps at least this many characters (or its header's length). */
const MIN_WIDTH = 8

export function cutText(text: string, width: number, how: 'end' | 'middle'): string {
  if (text.length <= width) return text
  if (width <= 1) return '…'.slice(0, Math.max(0, width))
  if (how === 'end') return `${text.slice(0, width - 1)}…`
  const tail = Math.ceil((width - 1) / 2)
  return `${text.slice(0, width - 1 - tail)}…${text.slice(text.length - tail)}`
}

function naturalWidths(columns: readonly Column[], rows: readonly (readonly string[])[]): number[] {
  return columns.map((c, i) =>
    Math.min(c.max ?? Infinity, Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)))
  )
}

/** Shrinks `widths` in place, widest shrinkable column first, until the row fits `width`. */
function shrink(columns: readonly Column[], widths: number[], width: number): void {
  const floor = columns.map((c, i) =>
    c.cut === 'none'
      ? (widths[i] ?? 0)
      : Math.min(widths[i] ?? 0, Math.max(MIN_WIDTH, c.header.length))
  )
  let excess = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1) - width
  while (excess > 0) {
    let widest = -1
    for (let i = 0; i < widths.length; i++) {
      const w = widths[i] ?? 0
      if (w > (floor[i] ?? 0) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i
    }
    if (widest < 0) return
    widths[widest] = (widths[widest] ?? 0) - 1
    excess--
  }
}

function renderLine(
  columns: readonly Column[],
  widths: readonly number[],
  cells: readonly string[]
) {
  return columns
    .map((c, i) => {
      const w = widths[i] ?? 0
      const cell = c.cut === 'none' ? (cells[i] ?? '') : cutText(cells[i] ?? '', w, c.cut)
      return i === columns.length - 1 ? cell : cell.padEnd(w)
    })
    .join(GAP)
    .trimEnd()
}

/** The table's lines (header first), each at most `width` characters when that is possible. */
export function fitTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  width: number,
  layout: TableLayout = {}
): string[] {
  const widths = naturalWidths(columns, rows)
  const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1)
  const detail = layout.detail
  if (total <= width || detail === undefined) {
    shrink(columns, widths, width)
    return [columns.map((c) => c.header), ...rows].map((r) => renderLine(columns, widths, r))
  }
  const main = columns.filter((_, i) => i !== detail)
  const strip = (r: readonly string[]): string[] => r.filter((_, i) => i !== detail)
  const mainWidths = naturalWidths(main, rows.map(strip))
  shrink(main, mainWidths, width)
  const detailColumn = columns[detail]
  const out = [
    renderLine(
      main,
      mainWidths,
      main.map((c) => c.header)
    ),
    `${INDENT}${detailColumn?.header ?? ''}`
  ]
  for (const r of rows) {
    // A continuation row (only a detail) adds just its detail line.
    if (strip(r).some((c) => c !== '')) out.push(renderLine(main, mainWidths, strip(r)))
    const text = r[detail] ?? ''
    if (text !== '') out.push(INDENT + cutText(text, Math.max(1, width - INDENT.length), 'end'))
  }
  return out
}
