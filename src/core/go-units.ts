// Go's printed units in oc's lines (docs/oc-behaviour.md §1, §1.7): time.Duration.String() and
// units.HumanSize (`info:` lines), units.BytesSize (plan tree, `uploading:`), both ways.
const isDigit = (c: number): boolean => c >= 48 && c <= 57

/**
 * Go's time.Duration.String() (`110ms`, `6.15s`, `2h33m43.97s`, `0s`) → seconds: one or more
 * `<digits>[.<digits>]<unit>` with unit h, m, s, ms, us, µs, μs or ns. Hand-parsed (it runs for
 * every attempt of a log of many), adding the parts in order as the regex form did.
 */
export function parseGoDuration(text: string): number | undefined {
  const n = text.length
  if (n === 0) return undefined
  let total = 0
  let i = 0
  while (i < n) {
    const from = i
    while (i < n && isDigit(text.charCodeAt(i))) i++
    if (i === from) return undefined
    if (text.charCodeAt(i) === 46 /* . */) {
      const fraction = ++i
      while (i < n && isDigit(text.charCodeAt(i))) i++
      if (i === fraction) return undefined
    }
    const value = Number(text.slice(from, i))
    const c = text.charCodeAt(i)
    const s = text.charCodeAt(i + 1) === 115 /* s */
    let unit: number
    if (c === 104 /* h */) unit = 3600
    else if (c === 109 /* m */) unit = s ? 1e-3 : 60
    else if (c === 115 /* s */) unit = 1
    else if ((c === 117 /* u */ || c === 0xb5 /* µ */ || c === 0x3bc) /* μ */ && s) unit = 1e-6
    else if (c === 110 /* n */ && s) unit = 1e-9
    else return undefined
    i += unit < 1 ? 2 : 1
    total += value * unit
  }
  return Math.round(total * 1e9) / 1e9
}

const DECIMAL_UNITS = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y']

/** units.HumanSize (decimal: `16.81MB`, `0B`, `950kB`) → bytes. */
export function parseHumanSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)([kMGTPEZY]?)B$/.exec(text)
  if (!m) return undefined
  return Math.round(Number(m[1]) * 1000 ** DECIMAL_UNITS.indexOf(m[2] ?? ''))
}

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

const DECIMAL_ABBRS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB']

/** Go's `units.HumanSize`: decimal units, four significant digits (oc's `(45.73kB/s)`). */
export function humanSize(n: number): string {
  let v = n
  let i = 0
  while (v >= 1000 && i < DECIMAL_ABBRS.length - 1) {
    v /= 1000
    i++
  }
  return `${Number(v.toPrecision(4))}${DECIMAL_ABBRS[i] ?? 'B'}`
}
