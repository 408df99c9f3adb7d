// The one redactor for everything that leaves the process: engine output, verification
// messages, the report, the summary, annotations, outputs and the CLI's text and JSON. It knows
// every credential of the run (the auth file's values and the tokens obtained at run time) and
// each spelling a registry or a serializer could give it back in.

/** Shorter values are too likely to be ordinary text ("a", "ok") to be hidden everywhere. */
const MIN_LENGTH = 4

/** A value as it may come back: verbatim, base64, URL- or form-encoded, or escaped inside JSON. */
export function spellings(value: string): string[] {
  const out = new Set<string>([value])
  out.add(Buffer.from(value, 'utf8').toString('base64'))
  out.add(Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, ''))
  out.add(encodeURIComponent(value))
  // Form encoding (query strings): spaces as `+`.
  out.add(new URLSearchParams({ v: value }).toString().slice(2))
  out.add(JSON.stringify(value).slice(1, -1))
  return [...out].filter((s) => s.length >= MIN_LENGTH)
}

export class Redactor {
  #values: string[] = []
  readonly #known = new Set<string>()
  readonly #listeners: ((value: string) => void)[] = []

  constructor(values: readonly string[] = []) {
    this.add(...values)
  }

  /** Called with every spelling added from now on (e.g. to mask it in the job log too). */
  onAdd(listener: (value: string) => void): void {
    this.#listeners.push(listener)
    for (const v of this.#values) listener(v)
  }

  add(...values: readonly string[]): void {
    let changed = false
    for (const value of values) {
      if (value.trim().length < MIN_LENGTH) continue
      for (const s of spellings(value)) {
        if (this.#known.has(s)) continue
        this.#known.add(s)
        this.#values.push(s)
        changed = true
        for (const l of this.#listeners) l(s)
      }
    }
    // Longest first, so no tail of a long credential survives a shorter one's replacement.
    if (changed) this.#values.sort((a, b) => b.length - a.length)
  }

  get size(): number {
    return this.#values.length
  }

  readonly text = (text: string): string => {
    let out = text
    for (const v of this.#values) if (out.includes(v)) out = out.split(v).join('***')
    return out
  }

  /** Every string inside a JSON-like value (keys too), redacted; the shape stays. */
  deep<T>(value: T): T {
    return this.#deep(value) as T
  }

  #deep(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value)
    if (Array.isArray(value)) return value.map((v) => this.#deep(v))
    if (value instanceof Map) {
      return new Map([...value.entries()].map(([k, v]) => [this.#deep(k), this.#deep(v)]))
    }
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [
          this.text(k),
          this.#deep(v)
        ])
      )
    }
    return value
  }
}
