import { execFileSync } from 'node:child_process'
import { it } from 'vitest'
import { startBed } from '../support/bed.js'

it('probe', async () => {
  const repos = ['p/s400', 'p/s403', 'p/s404', 'p/s500', 'p/s429', 'p/s401', 'p/b400', 'p/b403']
  const bed = await startBed({ images: repos.map((r, i) => ({ repo: r, tag: 'v1', layers: [{ seed: 91000 + i, size: 500 }] })) })
  try {
    const msg = 'HOSTILE ::error::pwned\\n::add-mask::x\\r\\n::warning::y ##[add-matcher]x.json \\u001b[31mred'
    const body = (code: string) => `{"errors":[{"code":"${code}","message":"${msg}","detail":"D ::error::detail"}]}`
    const rules = repos.map((r) => {
      const kind = r.slice(2, 3)
      const st = Number(r.slice(3))
      return {
        name: r,
        method: 'GET',
        path: kind === 's' ? `^/v2/${r}/manifests/` : `^/v2/${r}/blobs/`,
        always: true as const,
        action: { status: st, headers: { 'content-type': 'application/json' }, body: body(st === 403 ? 'DENIED' : st === 429 ? 'TOOMANYREQUESTS' : 'WEIRD') }
      }
    })
    bed.proxy.setRules(rules)
    for (const r of repos) {
      try {
        execFileSync('skopeo', ['copy', '--all', '--retry-times=0', '--src-tls-verify=false', '--dest-tls-verify=false', `docker://${bed.sourceHost}/${r}:v1`, `docker://${bed.destination.host}/x/${r}:v1`], { encoding: 'utf8', stdio: 'pipe' })
        console.log(r, 'OK')
      } catch (e) {
        console.log(r, JSON.stringify((e as { stderr: string }).stderr))
      }
    }
  } finally {
    await bed.stop()
  }
}, 120000)
