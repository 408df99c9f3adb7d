// Text hygiene for anything untrusted (registry error bodies, mapping lines, tool output)
// before it reaches the job log, an annotation or the job summary.

// CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ST`), and two-byte `ESC x` sequences, plus
// their 8-bit C1 forms (0x9b CSI, 0x9d OSC).
/* eslint-disable no-control-regex -- matching control characters is the point */
const ANSI =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?/g
// C0 controls except TAB and LF, DEL, C1 controls, and the Unicode line/paragraph separators
// (some viewers break lines on them).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g
/* eslint-enable no-control-regex */

/** Removes ANSI escape sequences and control characters; keeps TAB and LF. CR is dropped. */
export function stripControl(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '')
}

/** {@link stripControl}, then every line break (and TAB) becomes one space. */
export function oneLine(text: string): string {
  return stripControl(text).replace(/[\t\n]+/g, ' ')
}

/** Caps `text` at `max` UTF-16 units (not splitting a surrogate pair), marking the cut with `…`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let end = Math.max(0, max - 1)
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end -= 1
  return text.slice(0, end) + '…'
}

const MD_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // An entity, not `\|`: GFM splits table cells before unescaping, and `\\|` would split.
  '|': '&#124;',
  // Entity so that GFM's autolink trigger (`:` of `scheme://`) never fires on untrusted text.
  ':': '&#58;'
}

/**
 * Escapes untrusted text for a Markdown table cell or paragraph in a job summary: no raw HTML,
 * no emphasis/code/link/heading syntax, no table-cell break, no autolinked URL, one line.
 */
export function escapeMarkdown(text: string): string {
  // Backslashes first: the entities added next contain `#`, which must stay unescaped.
  // A backslash before `.` also defeats the `www.` autolink trigger.
  return oneLine(text)
    .replace(/[\\`*_{}[\]()#+\-.!~=^$]/g, (c) => '\\' + c)
    .replace(/[&<>"'|:]/g, (c) => MD_ENTITIES[c] ?? c)
}

/**
 * Untrusted text as an inline code span. Backslash escapes and entities show literally inside
 * code spans, so none are added: the fence is one backtick longer than the longest backtick run
 * in the text. In a table cell (`inTable`), text holding a pipe is not put in a code span but
 * escaped as plain text: GFM splits cells on pipes before it sees code spans, and a `\\|` in
 * the text would defeat a `\|` escape.
 */
export function codeSpan(text: string, inTable = true): string {
  const flat = oneLine(text)
  if (flat.trim() === '') return ''
  if (inTable && flat.includes('|')) return escapeMarkdown(flat)
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  // CommonMark strips one space from each side when both are there: the padding keeps a
  // leading or trailing backtick (or space) of the text intact.
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}
