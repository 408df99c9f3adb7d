#!/usr/bin/env node
// The demo's bed as a background service for a workflow that runs the action with `uses: ./`:
//   node scripts/e2e-bed.mjs <dir> &   → writes <dir>/mapping.txt, then <dir>/ready
//   kill %1                            → stops the registries and the proxy
// Everything listens on 127.0.0.1 only.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startDemoScenario } from './demo-bed.mjs'

const dir = resolve(process.argv[2] ?? 'e2e-bed')
mkdirSync(dir, { recursive: true })
const { bed, mapping } = await startDemoScenario('skopeo')
writeFileSync(join(dir, 'mapping.txt'), mapping)
writeFileSync(join(dir, 'ready'), `${bed.sourceHost} ${bed.destination.host}\n`)
process.stdout.write(`bed ready: source ${bed.sourceHost}, destination ${bed.destination.host}\n`)
const stop = () => void bed.stop().then(() => process.exit(0))
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
setInterval(() => {}, 1 << 30)
