// Runs one command and measures its wall time and peak RSS, the same way for every command
// compared (grep and triage alike), so the ratios are fair.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const GNU_TIME = '/usr/bin/time'
export const rssMethod = existsSync(GNU_TIME)
  ? 'GNU time `%M` (peak RSS of the measured process)'
  : '/proc/<pid>/status VmHWM, polled every 10 ms (the last value before exit)'

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv; cwd?: string; tmp: string; timeoutMs?: number }} opts
 * @returns {Promise<{ ms: number; rssKb: number | undefined; cpuMs: number | undefined; code: number | null; stdout: string; stderr: string }>}
 */
export function measure(cmd, args, opts) {
  const rssFile = join(opts.tmp, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`)
  const useTime = existsSync(GNU_TIME)
  // Peak RSS and CPU time (user + system, all threads), which a loaded machine inflates far
  // less than wall time.
  const [file, argv] = useTime
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, cmd, ...args]]
    : [cmd, args]
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(file, argv, {
      env: opts.env ?? process.env,
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout = (stdout + c).slice(-1_000_000)))
    child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-100_000)))
    let hwm
    const poll = useTime
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
            if (m) hwm = Number(m[1])
          } catch {
            // exited between polls
          }
        }, 10)
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 600_000)
    child.once('error', (e) => {
      clearTimeout(timer)
      if (poll) clearInterval(poll)
      reject(e)
    })
    child.once('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      clearTimeout(timer)
      if (poll) clearInterval(poll)
      let rssKb = hwm
      let cpuMs
      if (useTime) {
        try {
          // GNU time writes "Command exited with non-zero status N" before the format line.
          const lines = readFileSync(rssFile, 'utf8').trim().split('\n')
          const [rss, user, sys] = (lines[lines.length - 1] ?? '').split(' ').map(Number)
          rssKb = rss
          cpuMs = ((user ?? NaN) + (sys ?? NaN)) * 1000
        } catch {
          rssKb = undefined
        }
        rmSync(rssFile, { force: true })
      }
      resolve({ ms, rssKb, cpuMs, code, stdout, stderr })
    })
  })
}

/** Median, min and max of a list of numbers. */
export function summary(values) {
  const v = [...values].sort((a, b) => a - b)
  const mid = Math.floor(v.length / 2)
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
  return { median, min: v[0], max: v[v.length - 1], n: v.length }
}

/** `1234 ms (1180–1302)` style, with a unit formatter. */
export function fmtRange(s, fmt) {
  return `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`
}

export const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`)
export const fmtMb = (kb) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`)
