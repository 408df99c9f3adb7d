// Log files → LogEvents: a combined capture (or stderr alone) through one LogParser, or
// separate stderr and stdout captures merged per attempt (docs/oc-behaviour.md §1.6).
import { ATTEMPT_HEADER_RE } from './attempt-header.js'
import { chunks, LineSplitter, readLines, type ReadStats } from './log-lines.js'
import { LogParser, type EventSink, type ParseOptions } from './log-parser.js'
import { parseSuccessLine, successEvent } from './success-line.js'
import type { LogEvent } from './types.js'

/** Streams a log file (a combined `2>&1` capture, or stderr alone) through a LogParser. */
export async function readLog(
  path: string,
  onEvent: (e: LogEvent) => void,
  options: ParseOptions = {}
): Promise<{ lines: number; bytes: number }> {
  const parser = new LogParser(options)
  const stats = { lines: 0, bytes: 0 }
  const splitter = new LineSplitter(stats)
  // Lines go straight from the chunk to the parser and its events straight to onEvent: no
  // per-line promise, generator step or array.
  const sink: EventSink = { push: onEvent }
  const onLine = (line: string): void => parser.pushInto(line, sink)
  const fold = options.foldRoutine
    ? (buf: Buffer, start: number, end: number): boolean => parser.tryFold(buf, start, end, sink)
    : undefined
  for await (const chunk of chunks(path)) splitter.feed(chunk, onLine, fold)
  const last = splitter.end()
  if (last !== undefined) onLine(last)
  for (const e of parser.end()) onEvent(e)
  return stats
}

async function hasAttemptHeaders(path: string): Promise<boolean> {
  for await (const line of readLines(path, { lines: 0, bytes: 0 })) {
    if (ATTEMPT_HEADER_RE.test(line)) return true
  }
  return false
}

/**
 * Separate captures. stdout's success lines of an attempt are emitted after that attempt's
 * stderr events (their true interleaving is lost between two pipes: docs/oc-behaviour.md §1.6),
 * with stdout line numbers. stdout is split into attempts by the same
 * `==== mirror-guard attempt N ====` headers; a stdout without headers is attributed after the last
 * stderr attempt.
 */
export async function readSplitLogs(
  stderrPath: string,
  stdoutPath: string,
  onEvent: (e: LogEvent) => void
): Promise<{ lines: number; bytes: number; stderr: ReadStats; stdout: ReadStats }> {
  const segmented = await hasAttemptHeaders(stdoutPath)
  const errStats = { lines: 0, bytes: 0 }
  const outStats = { lines: 0, bytes: 0 }
  const stdout = readLines(stdoutPath, outStats)
  let lookahead: string | undefined
  let outLine = 0
  let outDone = false

  // Emits stdout lines up to (not including) the header of an attempt after `upTo`.
  const flushStdout = async (upTo: number): Promise<void> => {
    while (!outDone) {
      let line = lookahead
      lookahead = undefined
      if (line === undefined) {
        const next = await stdout.next()
        if (next.done) {
          outDone = true
          return
        }
        line = next.value
        outLine++
      }
      const header = ATTEMPT_HEADER_RE.exec(line)
      if (header) {
        if (Number(header[1]) > upTo) {
          lookahead = line
          return
        }
        continue
      }
      const success = parseSuccessLine(line)
      onEvent(
        success ? successEvent(success, outLine) : { kind: 'other', text: line, logLine: outLine }
      )
    }
  }

  const parser = new LogParser()
  let current: number | undefined
  const emit = async (events: LogEvent[]): Promise<void> => {
    for (const e of events) {
      if (e.kind === 'attempt-start') {
        if (segmented && current !== undefined) await flushStdout(current)
        current = e.attempt
      }
      onEvent(e)
    }
  }
  for await (const line of readLines(stderrPath, errStats)) await emit(parser.push(line))
  await emit(parser.end())
  await flushStdout(Number.POSITIVE_INFINITY)
  return {
    lines: errStats.lines + outStats.lines,
    bytes: errStats.bytes + outStats.bytes,
    stderr: errStats,
    stdout: outStats
  }
}
