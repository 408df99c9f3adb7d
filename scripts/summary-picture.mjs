#!/usr/bin/env node
// docs/job-summary.png: the README's picture of a real job summary and its annotations.
//
// Runs the demo (scripts/demo.mjs: local registries, a 429-injecting proxy, the bundled
// action) and keeps its GITHUB_STEP_SUMMARY and stdout; or takes them from --from <dir>
// (written by `node scripts/demo.mjs --save <dir>`). The annotations are read from the
// workflow commands in stdout, the summary is rendered with markdown-it (CommonMark + GFM
// tables, as GitHub renders it), both go into one page styled like a run's summary page, and
// headless Chromium takes the screenshot.
//
// Usage: node scripts/summary-picture.mjs [--from DIR] [--out docs/job-summary.png] [--width 1100]
// Needs: the demo's tools (docker-registry, skopeo or oc), a built dist/, and Chromium
// (/usr/bin/chromium, or set CHROMIUM).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import MarkdownIt from 'markdown-it'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const flag = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] ?? '') : undefined
}
const out = resolve(flag('--out') ?? join(root, 'docs', 'job-summary.png'))
const width = Number(flag('--width') ?? '1100')
const chromium = process.env.CHROMIUM || '/usr/bin/chromium'

/** Workflow-command property/data encoding, undone (as the runner reads it). */
const unescape = (s) =>
  s
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%')

/** `::notice file=…,line=…,title=…::message` lines → annotations, in order. */
export function annotationsOf(stdout) {
  const found = []
  for (const m of stdout.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)) {
    const props = {}
    for (const p of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = p.indexOf('=')
      props[p.slice(0, eq)] = unescape(p.slice(eq + 1))
    }
    found.push({ level: m[1], props, message: unescape(m[3] ?? '') })
  }
  return found
}

const html = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

// Drawn with CSS (a coloured disc with a letter), so no symbol font is needed for them.
const ICON = { error: '×', warning: '!', notice: 'i' }

function annotationsHtml(list) {
  if (list.length === 0) return ''
  const counts = ['error', 'warning', 'notice']
    .map((l) => [l, list.filter((a) => a.level === l).length])
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${n} ${l}${n === 1 ? '' : 's'}`)
    .join(' and ')
  const items = list
    .map((a) => {
      const where = a.props.file ? `${a.props.file}#L${a.props.line ?? 1}` : ''
      return `<li class="${a.level}"><span class="icon">${ICON[a.level]}</span><div>
        <div class="atitle">mirror / mirror-guard${a.props.title ? ` — ${html(a.props.title)}` : ''}</div>
        <div class="amsg">${html(a.message)}</div>
        ${where ? `<div class="awhere">${html(where)}</div>` : ''}</div></li>`
    })
    .join('\n')
  return `<section class="box"><h2>Annotations</h2><div class="sub">${counts}</div><ul class="ann">${items}</ul></section>`
}

const CSS = `
body { margin: 0; padding: 24px; background: #f6f8fa; color: #1f2328;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
  "Noto Color Emoji", "Apple Color Emoji"; }
.box { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px 24px; margin-bottom: 16px; }
.box > h2 { font-size: 16px; margin: 0; }
.sub { color: #59636e; font-size: 12px; margin-bottom: 8px; }
.ann { list-style: none; margin: 0; padding: 0; }
.ann li { display: flex; gap: 10px; padding: 8px 0; border-top: 1px solid #d1d9e0; }
.icon { flex: none; width: 16px; height: 16px; margin-top: 3px; border-radius: 50%; color: #fff;
  font: bold 11px/16px Arial, sans-serif; text-align: center; }
.notice .icon { background: #0969da; } .warning .icon { background: #9a6700; } .error .icon { background: #d1242f; }
.atitle { font-weight: 600; } .amsg { white-space: pre-wrap; } .awhere { color: #59636e; font-size: 12px; }
.summary h2 { font-size: 20px; border-bottom: 1px solid #d1d9e0; padding-bottom: 6px; margin-top: 0; }
.summary h3 { font-size: 16px; margin: 20px 0 8px; }
.summary table { border-collapse: collapse; display: block; overflow: auto; margin-bottom: 12px; }
.summary th, .summary td { border: 1px solid #d1d9e0; padding: 6px 13px; }
.summary th { font-weight: 600; } .summary tr:nth-child(2n) { background: #f6f8fa; }
.summary code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%;
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; }
.summary td code { white-space: nowrap; }
.summary pre { background: #f6f8fa; border-radius: 6px; padding: 12px; }
.summary pre code { background: none; padding: 0; }
.head { color: #59636e; font-size: 12px; margin: 0 0 8px; }
`

function page(summaryMd, annotations) {
  // html: false — the summary is our own escaped Markdown; nothing in it should be raw HTML.
  const body = new MarkdownIt({ html: false, linkify: true }).render(summaryMd)
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>
${annotationsHtml(annotations)}
<section class="box summary"><div class="head">mirror summary</div>${body}</section>
<script>document.title = String(Math.ceil(document.documentElement.scrollHeight))</script>
</body></html>`
}

function runChromium(extra, htmlFile) {
  const r = spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      ...extra,
      `file://${htmlFile}`
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  )
  if (r.status !== 0) {
    throw new Error(`${chromium} failed (exit ${r.status}): ${r.stderr.slice(-2000)}`)
  }
  return r.stdout
}

function main() {
  if (!existsSync(chromium)) {
    process.stderr.write(
      `Chromium not found at ${chromium} (apt-get install chromium, or set CHROMIUM).\n`
    )
    process.exit(2)
  }
  // The summary's status marks (✅ ❌ ⚠️) are emoji: without a colour emoji font they are boxes.
  const fonts = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' })
  if (fonts.status === 0 && !/emoji/i.test(fonts.stdout)) {
    process.stderr.write(
      'warning: no colour emoji font (Debian: apt-get install fonts-noto-color-emoji); ✅ and ❌ will show as boxes.\n'
    )
  }
  const work = mkdtempSync(join(tmpdir(), 'mirror-guard-picture-'))
  try {
    let from = flag('--from')
    if (from === undefined) {
      from = join(work, 'demo')
      const demo = spawnSync(
        process.execPath,
        [join(root, 'scripts', 'demo.mjs'), '--save', from],
        {
          stdio: ['ignore', 'inherit', 'inherit']
        }
      )
      if (demo.status !== 0) throw new Error(`the demo failed (exit ${demo.status})`)
    }
    const summary = readFileSync(join(from, 'step-summary.md'), 'utf8')
    const annotations = annotationsOf(readFileSync(join(from, 'action-stdout.txt'), 'utf8'))
    const htmlFile = join(work, 'summary.html')
    writeFileSync(htmlFile, page(summary, annotations))
    // First pass: the page's height (the script puts it in <title>); then the screenshot.
    const dom = runChromium([`--window-size=${width},800`, '--dump-dom'], htmlFile)
    const height = Number(/<title>(\d+)<\/title>/.exec(dom)?.[1] ?? '1200')
    runChromium([`--window-size=${width},${height}`, `--screenshot=${out}`], htmlFile)
    process.stdout.write(
      `${out}: ${width}×${height}, ${annotations.length} annotation(s), summary of ${summary.length} bytes\n`
    )
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
