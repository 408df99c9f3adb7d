// Reads a step's stdout the way the GitHub Actions runner does (actions/runner
// ActionCommandManager + ActionCommand): lines split at CR, LF or CRLF; a line is a v2 command
// when, after leading whitespace, it starts with `::` and has a second `::`; otherwise a v1
// command when `##[` appears ANYWHERE in it followed by `]`. Only registered command names count.
// `::stop-commands::TOKEN` stops processing until a command named TOKEN; nothing in between
// is a command. Used to prove that untrusted text never reaches the runner as a command.

/** Commands the runner registers (ActionCommandManager's extensions), lowercase. */
export const RUNNER_COMMANDS: ReadonlySet<string> = new Set([
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
  'save-state',
  'set-output',
  'set-env',
  'add-path',
  'stop-commands',
  'internal-set-repo-path'
])

export interface RunnerCommand {
  /** 1-based line of stdout (after the runner's line split). */
  readonly line: number
  readonly raw: string
  readonly form: 'v2' | 'v1'
  /** Lowercase. */
  readonly name: string
  readonly props: Record<string, string>
  /** Unescaped as the runner unescapes it. */
  readonly data: string
}

export interface RunnerView {
  /** Every command the runner would act on, stop/resume markers included. */
  readonly commands: RunnerCommand[]
  /** Lines swallowed by stop-commands blocks (shown as plain text). */
  readonly suppressed: number
  /** True when stdout ended inside a stop-commands block (commands stayed off). */
  readonly endedStopped: boolean
}

const unescapeData = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')

/** Undoes @actions/core's escaping of a command property (and is safe on message data). */
export const unescapeProp = (s: string): string =>
  s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')

const unescapeV1 = (s: string): string =>
  s
    .replace(/%25/g, '%')
    .replace(/%3B/g, ';')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%5D/g, ']')

function parseV2(
  line: number,
  raw: string,
  registered: ReadonlySet<string>
): RunnerCommand | undefined {
  const msg = raw.trimStart()
  if (!msg.startsWith('::')) return undefined
  const end = msg.indexOf('::', 2)
  if (end < 0) return undefined
  const info = msg.slice(2, end)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(name)) return undefined
  const props: Record<string, string> = {}
  if (space > 0) {
    for (const p of info.slice(space + 1).split(',')) {
      const eq = p.indexOf('=')
      if (eq > 0 && eq < p.length - 1) props[p.slice(0, eq)] = unescapeProp(p.slice(eq + 1))
    }
  }
  return { line, raw, form: 'v2', name, props, data: unescapeData(msg.slice(end + 2)) }
}

function parseV1(
  line: number,
  raw: string,
  registered: ReadonlySet<string>
): RunnerCommand | undefined {
  const at = raw.indexOf('##[')
  if (at < 0) return undefined
  const rb = raw.indexOf(']', at)
  if (rb < 0) return undefined
  const info = raw.slice(at + 3, rb)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(name)) return undefined
  const props: Record<string, string> = {}
  if (space > 0) {
    for (const p of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const eq = p.indexOf('=')
      if (eq > 0 && eq < p.length - 1) props[p.slice(0, eq)] = unescapeV1(p.slice(eq + 1))
    }
  }
  return { line, raw, form: 'v1', name, props, data: unescapeV1(raw.slice(rb + 1)) }
}

/** What the runner does with `stdout`. */
export function runnerView(stdout: string): RunnerView {
  const registered = new Set(RUNNER_COMMANDS)
  const commands: RunnerCommand[] = []
  let stopToken: string | undefined
  let suppressed = 0
  const lines = stdout.split(/\r\n|\r|\n/)
  lines.forEach((raw, i) => {
    const cmd = parseV2(i + 1, raw, registered) ?? parseV1(i + 1, raw, registered)
    if (stopToken !== undefined) {
      if (cmd?.name === stopToken) {
        registered.delete(stopToken)
        stopToken = undefined
        commands.push(cmd)
      } else suppressed++
      return
    }
    if (cmd === undefined) return
    commands.push(cmd)
    if (cmd.name === 'stop-commands') {
      const token = cmd.data.toLowerCase()
      // The runner refuses an empty token or one that names a command.
      if (token !== '' && !RUNNER_COMMANDS.has(token)) {
        stopToken = token
        registered.add(token)
      }
    }
  })
  return { commands, suppressed, endedStopped: stopToken !== undefined }
}
