// Small text helpers every layer shares: untrusted text kept on one line, counted nouns, and the
// message of a caught value. Untrusted text (registry bodies, mapping lines, tool output) ends up
// in log lines, tables, JSON and GitHub annotations: on one line without control characters it
// can never start a line of its own, so it cannot smuggle in a `::workflow-command::`.

// CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ST`), and two-byte `ESC x` sequences, plus
// their 8-bit C1 forms (0x9b CSI, 0x9d OSC).
/* eslint-disable no-control-regex -- matching control characters is the point */
const ANSI =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?/g
// C0 controls except TAB and LF, DEL, C1 controls, and the Unicode line/paragraph separators
// (some viewers break lines on them).
const CONTROL_BUT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g
// Every C0 and C1 control, DEL and the Unicode line/paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g
// The characters that end a line (or jump a column) somewhere: each becomes one space.
const BREAK = /^[\t\n\r\u2028\u2029]$/
/* eslint-enable no-control-regex */

/** Removes ANSI escape sequences and control characters; keeps TAB and LF. CR is dropped. */
export function stripControl(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL_BUT_TAB_LF, '')
}

/**
 * What {@link oneLine} does with a control character that is not a line break or TAB:
 * `mark` shows where one was (`?`), `space` turns it into a space, `drop` removes it together
 * with ANSI escape sequences (text rendered as Markdown, where a stray `[31m` would show).
 */
export type ControlRule = 'mark' | 'space' | 'drop'

export interface OneLineOptions {
  /** Default `mark`. */
  readonly control?: ControlRule
  /**
   * Collapse every run of white space (line breaks included) to one space and trim the ends:
   * for a message spread over several lines (`errors:\n  * …`) written as one log line.
   */
  readonly squeeze?: boolean
  /** Keep at most this many characters, then `…`. */
  readonly max?: number
}

/**
 * Untrusted text on one line. Line breaks and TABs become a space each (`drop`: a run of LF
 * and TAB becomes one space, other breaks go); no control character is left, whatever the rule.
 */
export function oneLine(text: string, options: OneLineOptions = {}): string {
  const { control = 'mark', squeeze = false, max } = options
  let flat =
    control === 'drop'
      ? stripControl(text).replace(/[\t\n]+/g, ' ')
      : text.replace(CONTROL, (c) => (BREAK.test(c) ? ' ' : control === 'mark' ? '?' : ' '))
  if (squeeze) flat = flat.replace(/\s+/g, ' ').trim()
  return max !== undefined && flat.length > max ? `${flat.slice(0, max)}…` : flat
}

/** Caps `text` at `max` UTF-16 units (not splitting a surrogate pair), marking the cut with `…`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let end = Math.max(0, max - 1)
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end -= 1
  return text.slice(0, end) + '…'
}

/** `1 line`, `2 lines`; `many` for nouns that do not just add an `s` (`entry`, `entries`). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** `42s`, `3m07s`, `2h05m`: a duration in whole seconds for a table cell. */
export function compactDuration(seconds: number): string {
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}

/** The message of a caught value: an Error's message, anything else as a string. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
