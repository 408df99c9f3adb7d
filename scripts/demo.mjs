#!/usr/bin/env node
// `npm run demo`: mirror-guard end to end on this machine, no GitHub needed.
//
// Builds a throwaway source registry with three images (one multi-arch), puts a proxy in front
// of it that answers HTTP 429 to the first GETs of two layers, and runs the bundled action
// (dist/index.js) against it the way a workflow step would (INPUT_* variables, GITHUB_OUTPUT
// and GITHUB_STEP_SUMMARY files). Attempt 1 is rate-limited on two lines; mirror-guard retries
// just those and attempt 2 succeeds. Everything listens on 127.0.0.1 and is removed afterwards.
//
// Options: --keep (keep the temp dir), --action <path> (another bundle), --engine oc|skopeo,
// --save <dir> (write the job summary and the action's stdout there, for
// scripts/summary-picture.mjs).
// Needs: Node 20+, docker-registry (Debian/Ubuntu package `docker-registry`; elsewhere set
// REGISTRY_BIN to distribution's `registry`), and skopeo (or oc on PATH).
import { spawn, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { registryBinary, startDemoScenario } from './demo-bed.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const flag = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] ?? '') : undefined
}
const keep = args.includes('--keep')
const save = flag('--save')
const action = resolve(root, flag('--action') ?? process.env.MIRROR_GUARD_ACTION ?? 'dist/index.js')

const say = (s = '') => process.stdout.write(s + '\n')
const title = (s) => say(`\n=== ${s} ${'='.repeat(Math.max(3, 76 - s.length))}`)

/** @param {string} cmd @param {string[]} a */
const works = (cmd, a) => spawnSync(cmd, a, { stdio: 'ignore' }).status === 0

function ensureTools() {
  const missing = []
  if (!works(registryBinary(), ['--version'])) missing.push('docker-registry')
  const engineWanted = flag('--engine')
  const haveOc = works('oc', ['version', '--client'])
  if (engineWanted !== 'oc' && !works('skopeo', ['--version'])) missing.push('skopeo')
  if (engineWanted === 'oc' && !haveOc) {
    say('--engine oc was asked for, but `oc version --client` does not run. Put oc on PATH.')
    process.exit(2)
  }
  if (missing.length > 0) {
    const debian = existsSync('/etc/debian_version')
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
    if (debian && isRoot) {
      say(`Installing ${missing.join(' and ')} with apt-get …`)
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
      let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
        stdio: 'inherit',
        env
      })
      if (r.status !== 0) {
        spawnSync('apt-get', ['update'], { stdio: 'inherit', env })
        r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
          stdio: 'inherit',
          env
        })
      }
      if (r.status !== 0) {
        say(`apt-get could not install ${missing.join(' ')}.`)
        process.exit(2)
      }
    } else {
      say(`The demo needs: ${missing.join(', ')}.`)
      say('  Debian/Ubuntu: sudo apt-get install docker-registry skopeo')
      say("  Fedora/RHEL:   sudo dnf install skopeo; distribution's `registry` binary from")
      say(
        '                 https://github.com/distribution/distribution/releases (REGISTRY_BIN=registry)'
      )
      say('  macOS:         brew install skopeo; the registry binary as above')
      process.exit(2)
    }
  }
  return engineWanted === 'skopeo' ? 'skopeo' : engineWanted === 'oc' || haveOc ? 'oc' : 'skopeo'
}

/** GITHUB_OUTPUT file → { name: value } (the `name<<DELIM` form @actions/core writes). */
function readOutputs(file) {
  const out = {}
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (m) {
      const value = []
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
      out[m[1]] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const j = lines[i].indexOf('=')
      out[lines[i].slice(0, j)] = lines[i].slice(j + 1)
    }
  }
  return out
}

/** The job summary (Markdown with a little HTML) as plain text for a terminal. */
const summaryText = (md) =>
  md
    .replace(/<\/?(details|summary|br|p|b|code|sub|sup)[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_m, n) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~:])/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim()

/** The combined log split per attempt (the action writes `==== mirror-guard attempt N ====`). */
function attempts(log) {
  const out = new Map()
  let n = 0
  for (const line of log.split('\n')) {
    const m = /^==== mirror-guard attempt (\d+) ====$/.exec(line)
    if (m) n = Number(m[1])
    else if (n > 0) out.set(n, [...(out.get(n) ?? []), line])
  }
  return out
}

async function main() {
  const engine = ensureTools()
  if (!existsSync(action)) {
    say(`${action} does not exist: run \`npm run build\` first (or pass --action <bundle>).`)
    process.exit(1)
  }
  const tmp = mkdtempSync(join(tmpdir(), 'mirror-guard-demo-'))
  let bed
  const cleanup = async () => {
    await bed?.stop()
    if (!keep) rmSync(tmp, { recursive: true, force: true })
  }
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)))
  try {
    title('1. A source registry, a fault proxy and an empty destination (127.0.0.1 only)')
    const scenario = await startDemoScenario(engine)
    bed = scenario.bed
    const { limited, first, mapping } = scenario
    say(`source (via proxy): ${bed.sourceHost}   destination: ${bed.destination.host}`)
    for (const im of bed.images.images) say(`  ${im.repo}:${im.tag}  ${im.digest}  (${im.kind})`)
    for (const l of limited)
      say(
        `  proxy: HTTP 429 on the first ${first} GET(s) of ${l.repo} blob ${l.digest.slice(0, 19)}…`
      )

    writeFileSync(join(tmp, 'mapping.txt'), mapping)
    say('\nmapping.txt:')
    for (const l of mapping.trimEnd().split('\n')) say(`  ${l}`)

    title(`2. The action (${engine} engine): node ${action.replace(root + '/', '')}`)
    const files = {
      GITHUB_OUTPUT: join(tmp, 'github-output'),
      GITHUB_STEP_SUMMARY: join(tmp, 'step-summary.md'),
      GITHUB_STATE: join(tmp, 'github-state')
    }
    for (const f of Object.values(files)) writeFileSync(f, '')
    const env = {
      ...process.env,
      ...files,
      GITHUB_WORKSPACE: tmp,
      RUNNER_TEMP: join(tmp, 'runner-temp'),
      INPUT_MAPPING: 'mapping.txt',
      INPUT_ENGINE: engine,
      INPUT_INSECURE: 'true',
      'INPUT_MAX-ATTEMPTS': '3',
      'INPUT_RETRY-DELAY': '1',
      INPUT_UPLOAD: 'false',
      'INPUT_ON-FAILURE': 'fail'
    }
    if (engine === 'oc') env['INPUT_KEEP-MANIFEST-LIST'] = 'true'
    /** The action's stdout as the runner reads it (workflow commands included). */
    const stdoutLines = []
    const code = await new Promise((res) => {
      const child = spawn(process.execPath, [action], {
        cwd: tmp,
        env,
        stdio: ['ignore', 'pipe', 'pipe']
      })
      const relay = (stream, keepLines) => {
        let rest = ''
        const one = (l) => {
          if (keepLines) stdoutLines.push(l)
          say(`  action │ ${l}`)
        }
        stream.on('data', (c) => {
          const lines = (rest + c).split('\n')
          rest = lines.pop() ?? ''
          for (const l of lines) one(l)
        })
        stream.on('end', () => rest && one(rest))
      }
      relay(child.stdout, true)
      relay(child.stderr, false)
      child.on('close', (c) => res(c ?? 1))
    })
    say(`  (exit code ${code})`)
    if (save) {
      mkdirSync(resolve(save), { recursive: true })
      copyFileSync(files.GITHUB_STEP_SUMMARY, join(resolve(save), 'step-summary.md'))
      writeFileSync(join(resolve(save), 'action-stdout.txt'), stdoutLines.join('\n') + '\n')
      say(`  (job summary and stdout saved in ${save})`)
    }

    title('3. Job summary (GITHUB_STEP_SUMMARY)')
    say(summaryText(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')))

    title('4. Step outputs (GITHUB_OUTPUT)')
    const outputs = readOutputs(files.GITHUB_OUTPUT)
    for (const [k, v] of Object.entries(outputs)) say(`  ${k} = ${v.replace(tmp, '$TMP')}`)

    title('5. What happened per attempt')
    const log = outputs.log && existsSync(outputs.log) ? readFileSync(outputs.log, 'utf8') : ''
    const perAttempt = attempts(log)
    const rateLimited = (perAttempt.get(1) ?? []).filter(
      (l) =>
        l.startsWith('error: ') &&
        /toomanyrequests|too many requests|HTTP 429|StatusCode: 429/i.test(l)
    )
    say(`attempt 1: ${rateLimited.length} rate-limited error line(s):`)
    for (const l of rateLimited) say(`  ${l}`)
    const workDirs = existsSync(env.RUNNER_TEMP) ? readdirSync(env.RUNNER_TEMP) : []
    const retryFile = workDirs
      .map((d) => join(env.RUNNER_TEMP, d, 'retry-mapping-attempt-2.txt'))
      .find((f) => existsSync(f))
    const retryText = retryFile ? readFileSync(retryFile, 'utf8') : ''
    if (retryFile) {
      say('\nretry mapping handed to attempt 2 (only the lines worth retrying):')
      for (const l of retryText.trimEnd().split('\n')) say(`  ${l.replace(tmp, '$TMP')}`)
    }
    // The retry mapping names each line's origin and class: `# mapping.txt:2 rate-limit: …`.
    const limitedLines = [...retryText.matchAll(/^# (\S+:\d+) rate-limit: /gm)].map((m) => m[1])
    say(`\nrate-limited in attempt 1: ${limitedLines.join(', ') || '(none)'}`)
    const report =
      outputs.report && existsSync(outputs.report)
        ? JSON.parse(readFileSync(outputs.report, 'utf8'))
        : undefined
    const recovered = (report?.lines ?? []).filter((l) => l.recoveredAfter !== undefined)
    say('')
    for (const l of report?.lines ?? []) {
      const how =
        l.recoveredAfter !== undefined ? `recovered after attempt ${l.recoveredAfter}` : l.status
      say(`  ${l.file}:${l.line}  ${how}${l.classes.length ? ` (${l.classes.join(', ')})` : ''}`)
    }
    const last = perAttempt.size
    say(`\n${last} attempt(s); final outcome: ${outputs.outcome ?? '(none)'}`)

    const ok =
      code === 0 &&
      outputs.outcome === 'success' &&
      last >= 2 &&
      recovered.length === limited.length &&
      limitedLines.length === limited.length &&
      rateLimited.length >= limited.length
    if (ok) {
      say(
        `\nThe ${recovered.length} rate-limited lines (${limitedLines.join(', ')}) failed in attempt 1, were retried alone, and attempt 2 mirrored them.`
      )
    } else {
      say('\nThe demo did not go as expected (see above).')
      process.exitCode = 1
    }
    if (keep) say(`\nKept: ${tmp}`)
  } finally {
    await cleanup()
  }
}

main().catch((e) => {
  process.stderr.write(`demo failed: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
