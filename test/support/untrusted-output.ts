// Assertions that untrusted text (registry error bodies, mapping lines) reached the runner only
// as text: every workflow command in stdout is one of ours, and the job summary is inert Markdown.
import { expect } from 'vitest'
import { runnerView, type RunnerCommand } from './runner-commands.js'

/** Hostile payloads: commands, legacy commands, escaped line breaks, CR, ANSI. */
export const HOSTILE = [
  '::error::pwned',
  '::add-mask::x',
  '::set-output name=a::b',
  '::stop-commands::x',
  '::add-matcher::x.json',
  '##[add-matcher]x.json',
  '%0A::error::x',
  '\r\n::warning::x',
  '\u001b[31mred'
] as const

const ANNOTATION_PROPS = new Set(['title', 'file', 'line', 'endLine', 'col', 'endColumn'])

/**
 * Every command the runner would run from `stdout` is ours: a v2 annotation with our
 * properties and a title, a stop-commands block with a fresh 32-hex token and its resume
 * marker, or an add-mask of one of `masks`. Returns the annotations.
 */
export function assertOnlyOwnCommands(
  stdout: string,
  masks: readonly string[] = []
): RunnerCommand[] {
  const view = runnerView(stdout)
  expect(view.endedStopped, 'stdout ended inside a stop-commands block').toBe(false)
  const tokens = new Set<string>()
  const annotations: RunnerCommand[] = []
  for (const cmd of view.commands) {
    expect(cmd.form, `legacy command reached the runner: ${JSON.stringify(cmd.raw)}`).toBe('v2')
    if (cmd.name === 'stop-commands') {
      expect(cmd.data, cmd.raw).toMatch(/^[0-9a-f]{32}$/)
      expect(tokens.has(cmd.data), 'stop-commands token reused').toBe(false)
      tokens.add(cmd.data)
      continue
    }
    if (tokens.has(cmd.name)) continue
    if (cmd.name === 'add-mask') {
      expect(masks, `unexpected add-mask: ${JSON.stringify(cmd.raw)}`).toContain(cmd.data)
      continue
    }
    expect(['error', 'warning', 'notice', 'debug', 'group', 'endgroup'], cmd.raw).toContain(
      cmd.name
    )
    if (cmd.name === 'error' || cmd.name === 'warning' || cmd.name === 'notice') {
      expect(cmd.props['title'], `annotation without a title: ${cmd.raw}`).toBeTruthy()
      for (const k of Object.keys(cmd.props)) expect(ANNOTATION_PROPS, cmd.raw).toContain(k)
      annotations.push(cmd)
    }
  }
  // The runner splits lines at a bare CR too; ANSI would colour the log.
  expect(stdout).not.toMatch(/\r/)
  expect(stdout).not.toContain('\u001b')
  return annotations
}

/** Cells of a Markdown table row, split at pipes not escaped with a backslash. */
function cells(row: string): number {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/).length
}

/** The job summary is inert: no raw HTML or control characters, every table row whole. */
export function assertInertSummary(markdown: string): void {
  expect(markdown).not.toMatch(/</)
  expect(markdown).not.toContain('\u001b')
  expect(markdown).not.toContain('\r')
  expect(markdown).not.toContain('::error::')
  expect(markdown).not.toContain('##[')
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('|')) continue
    const width = cells(lines[i])
    for (; i < lines.length && lines[i].startsWith('|'); i++) {
      expect(cells(lines[i]), `broken table row: ${lines[i]}`).toBe(width)
    }
  }
}
