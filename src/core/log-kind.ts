// Logs that are not `oc image mirror` output but are often mistaken for it: a raw `skopeo
// copy` log and an oc-mirror v2 log (v2 copies with containers/image, not oc image mirror;
// oc-mirror v1 prints oc's own lines and is read as oc output). Recognised from their own
// fixed lines, so triage can say what the file is instead of only what it is not.

export interface ForeignLog {
  readonly tool: 'skopeo' | 'oc-mirror v2'
  /** The first line that gave it away (trimmed, at most 120 characters). */
  readonly evidence: string
  /** What to do instead. */
  readonly hint: string
}

interface Signature {
  readonly tool: ForeignLog['tool']
  readonly re: RegExp
}

const SIGNATURES: readonly Signature[] = [
  // containers/image progress lines, printed by `skopeo copy` without --quiet.
  { tool: 'skopeo', re: /^Getting image source signatures$/ },
  { tool: 'skopeo', re: /^Copying (blob|config) (sha256|sha512):[0-9a-f]{8,}/ },
  { tool: 'skopeo', re: /^Writing manifest to image destination$/ },
  { tool: 'skopeo', re: /^Storing signatures$/ },
  // skopeo 1.9's fatal line (logrus), and later versions' `Error: …` with skopeo's wording.
  { tool: 'skopeo', re: /^time="[^"]*" level=(fatal|error) msg="/ },
  { tool: 'skopeo', re: /^(FATA|ERRO)\[\d{4}\] / },
  // oc-mirror v2: `2025/01/01 12:00:00  [INFO]   : …`, its worker's errors and result lines.
  {
    tool: 'oc-mirror v2',
    re: /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\s+)?\[(INFO|WARN|ERROR|DEBUG|TRACE)\]\s+: /
  },
  {
    tool: 'oc-mirror v2',
    re: /\[Worker\] (error mirroring image |some errors occurred during the mirroring)/
  },
  { tool: 'oc-mirror v2', re: /^error mirroring image \S+ (\(Operator bundles: .*\) )?error: / },
  { tool: 'oc-mirror v2', re: /^[✓✗]\s+\d+ \/ \d+ .*images mirrored/ }
]

const HINTS: Record<ForeignLog['tool'], string> = {
  skopeo:
    'mirror-guard reads oc image mirror output; to mirror with skopeo and get per-line ' +
    'verdicts, use the action with engine: skopeo (it writes oc-shaped lines), or run ' +
    '`mirror-guard verify` against the destination',
  'oc-mirror v2':
    'oc-mirror v2 copies with containers/image, not oc image mirror; its failed images are ' +
    'listed in working-dir/logs/mirroring_errors_<timestamp>.txt, and ' +
    '`mirror-guard verify` can check the destination'
}

/** What tool wrote these lines, from its fixed lines (the tool with most of them wins). */
export function recognizeForeignLog(lines: readonly string[]): ForeignLog | undefined {
  const hits = new Map<ForeignLog['tool'], { count: number; first: string }>()
  for (const raw of lines) {
    const line = raw.trim()
    if (line === '') continue
    const sig = SIGNATURES.find((s) => s.re.test(line))
    if (!sig) continue
    const h = hits.get(sig.tool)
    if (h) h.count++
    else hits.set(sig.tool, { count: 1, first: line })
  }
  let best: [ForeignLog['tool'], { count: number; first: string }] | undefined
  for (const entry of hits) if (!best || entry[1].count > best[1].count) best = entry
  if (!best) return undefined
  const [tool, { first }] = best
  return {
    tool,
    evidence: first.length > 120 ? `${first.slice(0, 119)}…` : first,
    hint: HINTS[tool]
  }
}
