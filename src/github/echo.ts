// Echoes untrusted tool output (oc/skopeo stderr, registry error bodies) to the job log so
// that no line of it can act as a workflow command (`::add-mask::`, `::error::`,
// `##[add-matcher]`, …): everything sits inside a `::stop-commands::<token>` block whose
// token is fresh and random, so the output cannot guess the line that re-enables commands.

import { randomBytes } from 'node:crypto'
import { stripControl } from '../core/text.js'

export type Write = (text: string) => void

const stdoutWrite: Write = (text) => {
  process.stdout.write(text)
}

export class SafeEcho {
  private token: string | undefined
  private grouped = false

  constructor(private readonly write: Write = stdoutWrite) {}

  /** Opens a block with a fresh token. A no-op while a block is open. */
  begin(): void {
    if (this.token !== undefined) return
    this.token = randomBytes(16).toString('hex')
    this.write(`::stop-commands::${this.token}\n`)
  }

  /** Writes one line (opening a block if needed). ANSI escapes and CR are removed; an embedded LF starts a new line inside the block. */
  line(text: string): void {
    this.begin()
    const token = this.token as string
    // Defence in depth: the token never reaches the log except in our own two markers.
    const clean = stripControl(text).split(token).join('[redacted]')
    for (const part of clean.split('\n')) this.write(part + '\n')
  }

  /** Closes the block; commands work again. A no-op when no block is open. */
  end(): void {
    if (this.token === undefined) return
    this.write(`::${this.token}::\n`)
    this.token = undefined
  }

  /**
   * Opens a collapsible log group (closing an open block and group first): GitHub folds
   * everything up to {@link endGroup}, so a 20,000-line plan does not flood the log. The title is
   * our own text; it is flattened to one line and `%` is encoded as the runner expects.
   */
  group(title: string): void {
    this.endGroup()
    this.write(`::group::${escapeCommandData(stripControl(title).replace(/\n/g, ' '))}\n`)
    this.grouped = true
  }

  /** Closes the block, then the group: a `::endgroup::` inside the block would not be seen. */
  endGroup(): void {
    this.end()
    if (!this.grouped) return
    this.write('::endgroup::\n')
    this.grouped = false
  }
}

/** The runner's encoding of a workflow command's data (as @actions/core writes it). */
function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
