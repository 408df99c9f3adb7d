// Byte sizes as oc prints them: Go's `units.BytesSize` (binary: `237B`, `47.06KiB`,
// `1.2GiB`) in the plan tree and `uploading:`/`mounted:` lines, and `units.HumanSize`
// (decimal: `45.73kB`) in `info: Mirroring completed in … (…/s)` (parseHumanSize).

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB']

/** Go's `units.BytesSize`: binary units, four significant digits. */
export function bytesSize(n: number): string {
  let v = n
  let i = 0
  while (v >= 1024 && i < BINARY_UNITS.length - 1) {
    v /= 1024
    i++
  }
  return `${Number(v.toPrecision(4))}${BINARY_UNITS[i] ?? 'B'}`
}

/** `units.BytesSize` text → bytes (rounded: the text keeps four digits); undefined when not one. */
export function parseBytesSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)(B|KiB|MiB|GiB|TiB|PiB|EiB)$/.exec(text)
  if (!m) return undefined
  return Math.round(Number(m[1]) * 1024 ** BINARY_UNITS.indexOf(m[2] ?? 'B'))
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB']

/** Go's `units.HumanSize`: decimal units, four significant digits (oc's `(45.73kB/s)`). */
export function humanSize(n: number): string {
  let v = n
  let i = 0
  while (v >= 1000 && i < DECIMAL_UNITS.length - 1) {
    v /= 1000
    i++
  }
  return `${Number(v.toPrecision(4))}${DECIMAL_UNITS[i] ?? 'B'}`
}
