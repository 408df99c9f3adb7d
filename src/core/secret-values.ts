// Which strings of a registry credential document are secret: the values of its credential
// keys (and the decoded password of a base64 `auth`), and what to mask for the whole document.
// Pure: the action masks them before anything prints, the CLI's verify redacts them.

/** Keys of a docker/podman auth file whose values are credentials. */
const SECRET_KEYS = new Set(['auth', 'password', 'identitytoken', 'registrytoken'])

/**
 * Every credential in an auth file's JSON: the values of `auth`, `password`, `identitytoken`,
 * `registrytoken` at any depth, plus the password half of a base64 `auth` (`user:password`),
 * which a tool may print decoded.
 */
export function secretValues(json: string): string[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return []
  }
  const out = new Set<string>()
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n)
      return
    }
    if (typeof node !== 'object' || node === null) return
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (typeof v === 'string' && SECRET_KEYS.has(k.toLowerCase())) {
        if (v.trim() !== '') out.add(v)
        if (k.toLowerCase() === 'auth') {
          const decoded = Buffer.from(v, 'base64').toString('utf8')
          const colon = decoded.indexOf(':')
          if (colon > 0 && colon < decoded.length - 1) {
            out.add(decoded)
            out.add(decoded.slice(colon + 1))
          }
        }
      } else walk(v)
    }
  }
  walk(parsed)
  return [...out]
}

/**
 * What to mask for a secret document: the whole text, each of its non-trivial lines (the
 * runner masks a multi-line secret only line by line) and each credential value inside.
 */
export function masksFor(content: string): string[] {
  const out = new Set<string>()
  if (content.trim() !== '') out.add(content)
  for (const line of content.split(/\r?\n/)) {
    const t = line.trim()
    // Lines like `{` or `},` are structure, not secrets; masking them would garble the log.
    if (t.length >= 8) out.add(t)
  }
  for (const v of secretValues(content)) out.add(v)
  return [...out]
}
