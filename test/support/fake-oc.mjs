#!/usr/bin/env node
// A stand-in `oc` that only REPLAYS real transcripts (test/fixtures/oc-transcripts), one case
// per call, in the order a script lists them. Nothing is made up: stdout.txt, stderr.txt and
// exit-code.txt are written as captured. The only rewrite is renaming destination repositories:
// the case's mapping names e.g. `127.0.0.1:5001/t412-clean-reg/alpha`, the mapping this call
// was given may name another; lines are matched by their SOURCE and the case's destination
// repository is replaced by the given one, so the replay talks about the caller's lines.
//
// Environment:
//   FAKE_OC_SCRIPT  path of a JSON file:
//     { "transcripts": "<dir>", "samples": "<dir of oc-dir-samples>", "record": "<file.jsonl>",
//       "calls": [ { "case": "4.12/429-json-blob-reg",
//                    "tree": { "from": "bug-429/mirror", "repos": { "small/a": "ns/alpha" } },
//                    "pauseAfterPlanningMs": 0 } ] }
//   `tree` copies a real oc-written file:// tree into <--dir>/v2/<repo> (replacing it) before the
//   replay, so the disk holds what oc left behind in that run. With `"digestsFromTree": true`
//   (the tree comes from another real run than the transcript), the success line of a copied
//   repository's tag names the digest that tag has in the tree, as the tree's own run printed it. `pauseAfterPlanningMs` holds the
//   replay after `info: Planning completed` (to exercise attempt timeouts and cancellation).
//
// Each call appends {argv, cwd, pid, mapping} to the record file (`mapping` = the -f file's text);
// `version` calls are recorded as {argv, cwd}.
// `oc version --client` prints the `Client Version:` recorded in the first call's notes.txt.
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync
} from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const script = JSON.parse(readFileSync(process.env.FAKE_OC_SCRIPT ?? '', 'utf8'))
const argv = process.argv.slice(2)
const caseDir = (c) => join(script.transcripts, c)
const read = (c, f) => readFileSync(join(caseDir(c), f), 'utf8')

if (argv[0] === 'version') {
  appendFileSync(script.record, JSON.stringify({ argv, cwd: process.cwd() }) + '\n')
  const notes = read(script.calls[0].case, 'notes.txt')
  const m = /Client Version: (\S+)/.exec(notes)
  process.stdout.write(`Client Version: ${m ? m[1] : 'unknown'}\n`)
  process.exit(0)
}

const flag = (name) => {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1]
    if (argv[i].startsWith(name + '=')) return argv[i].slice(name.length + 1)
  }
  return undefined
}
const mappingPath = flag('-f')
const mappingText =
  mappingPath && existsSync(resolve(mappingPath)) ? readFileSync(resolve(mappingPath), 'utf8') : ''

// Mirror calls made so far (version calls are recorded too, but use up no transcript).
const done = existsSync(script.record)
  ? readFileSync(script.record, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && JSON.parse(l).argv[0] !== 'version').length
  : 0
appendFileSync(
  script.record,
  JSON.stringify({ argv, cwd: process.cwd(), pid: process.pid, mapping: mappingText }) + '\n'
)
const call = script.calls[done]
if (!call) {
  process.stderr.write(`fake-oc: no transcript scripted for call ${done + 1}\n`)
  process.exit(99)
}

// SRC -> DST pairs of a mapping text (oc grammar, enough for renaming).
const pairs = (text) => {
  const out = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim()
    if (!line) continue
    for (const tok of line.split(' ').filter(Boolean)) {
      const eq = tok.indexOf('=')
      if (eq > 0) out.push([tok.slice(0, eq), tok.slice(eq + 1)])
    }
  }
  return out
}
const repoOf = (ref) => ref.replace(/@.*$/, '').replace(/:[^:/]+$/, '')
const renames = []
const given = new Map(pairs(mappingText).map(([s, d]) => [s, d]))
for (const [src, dst] of pairs(read(call.case, 'mapping.txt'))) {
  const mine = given.get(src)
  if (mine && repoOf(mine) !== repoOf(dst)) renames.push([repoOf(dst), repoOf(mine)])
}
const rename = (text) => {
  let out = text
  for (const [from, to] of renames) {
    out = out.replace(
      new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?=[:@\\s]|$)', 'gm'),
      to
    )
  }
  return out
}

if (call.tree) {
  const dir = flag('--dir') ?? '.'
  const root = isAbsolute(dir) ? dir : resolve(process.cwd(), dir)
  for (const [from, to] of Object.entries(call.tree.repos)) {
    const target = join(root, 'v2', to)
    rmSync(target, { recursive: true, force: true })
    mkdirSync(dirname(target), { recursive: true })
    cpSync(join(script.samples, call.tree.from, 'v2', from), target, {
      recursive: true,
      verbatimSymlinks: true
    })
  }
}

const lines = (t) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'))
const stderr = lines(rename(read(call.case, 'stderr.txt')))
let stdout = lines(rename(read(call.case, 'stdout.txt')))
if (call.tree?.digestsFromTree) {
  for (const [from, to] of Object.entries(call.tree.repos)) {
    const tags = join(script.samples, call.tree.from, 'v2', from, 'manifests')
    stdout = stdout.map((l) => {
      const m = /^(sha256:[0-9a-f]{64}) file:\/\/(.+):([^:/]+)$/.exec(l)
      if (!m || m[2] !== to) return l
      try {
        return `${readlinkSync(join(tags, m[3]))} file://${to}:${m[3]}`
      } catch {
        return l
      }
    })
  }
}
const exitCode = Number(read(call.case, 'exit-code.txt').trim())

const write = (stream, text) => new Promise((r) => (text ? stream.write(text, () => r()) : r()))
const pause = (ms) => sleep(ms)

// Plausible interleaving: oc prints the plan first, success lines while mirroring, and the
// batched error lines of a phase after its progress.
const planEnd = stderr.findIndex((l) => l.startsWith('info: Planning completed'))
const cut = planEnd === -1 ? stderr.length : planEnd + 1
await write(
  process.stderr,
  stderr
    .slice(0, cut)
    .map((l) => l + '\n')
    .join('')
)
if (call.pauseAfterPlanningMs) await pause(call.pauseAfterPlanningMs)
await pause(15)
await write(process.stdout, stdout.map((l) => l + '\n').join(''))
await pause(15)
await write(
  process.stderr,
  stderr
    .slice(cut)
    .map((l) => l + '\n')
    .join('')
)
process.exit(exitCode)
