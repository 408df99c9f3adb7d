// Text hygiene for anything untrusted (registry error bodies, mapping lines, tool output)
// before it reaches the job summary as Markdown. One-line sanitising itself is core/text.ts.
import { oneLine } from '../core/text.js'

/** Untrusted text on one line for Markdown: ANSI sequences and control characters dropped. */
const flatten = (text: string): string => oneLine(text, { control: 'drop' })

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
  return flatten(text)
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
  const flat = flatten(text)
  if (flat.trim() === '') return ''
  if (inTable && flat.includes('|')) return escapeMarkdown(flat)
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  // CommonMark strips one space from each side when both are there: the padding keeps a
  // leading or trailing backtick (or space) of the text intact.
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}
