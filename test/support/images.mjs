// Deterministic test images: OCI layouts built from seeded random layers, pushed to a
// registry with skopeo. Plain JS (with images.d.mts) so scripts/demo.mjs can use it
// without a TypeScript toolchain.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Buffer } from 'node:buffer'
import { gzipSync } from 'node:zlib'
import { seededBytes } from './prng.mjs'

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip'

/** Media types per image format: Docker's schema 2 for clients that cannot read OCI indexes (oc ≤ 4.13). */
const MEDIA = {
  oci: { manifest: OCI_MANIFEST, index: OCI_INDEX, config: OCI_CONFIG, layer: OCI_LAYER },
  docker: {
    manifest: 'application/vnd.docker.distribution.manifest.v2+json',
    index: 'application/vnd.docker.distribution.manifest.list.v2+json',
    config: 'application/vnd.docker.container.image.v1+json',
    layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip'
  }
}

/** @param {Uint8Array} data */
const sha256 = (data) => 'sha256:' + createHash('sha256').update(data).digest('hex')

/**
 * One ustar header. Only regular files; fixed mtime/uid/gid keep the bytes reproducible.
 * @param {string} name
 * @param {number} size
 */
function tarHeader(name, size) {
  const h = Buffer.alloc(512, 0)
  /** @param {string} s @param {number} off @param {number} len */
  const put = (s, off, len) => h.write(s, off, len, 'ascii')
  /** @param {number} n @param {number} off @param {number} len */
  const octal = (n, off, len) => put(n.toString(8).padStart(len - 1, '0') + '\0', off, len)
  put(name, 0, 100)
  octal(0o644, 100, 8)
  octal(0, 108, 8)
  octal(0, 116, 8)
  octal(size, 124, 12)
  octal(0, 136, 12)
  put('        ', 148, 8) // checksum is computed with this field as spaces
  put('0', 156, 1)
  put('ustar\0', 257, 6)
  put('00', 263, 2)
  let sum = 0
  for (const b of h) sum += b
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8)
  return h
}

/**
 * A tar archive of regular files (two zero blocks at the end, as tar(1) expects).
 * @param {{ name: string, data: Uint8Array }[]} files
 * @returns {Buffer}
 */
export function tarArchive(files) {
  /** @type {Buffer[]} */
  const parts = []
  for (const f of files) {
    parts.push(tarHeader(f.name, f.data.length), Buffer.from(f.data))
    const pad = (512 - (f.data.length % 512)) % 512
    if (pad) parts.push(Buffer.alloc(pad, 0))
  }
  parts.push(Buffer.alloc(1024, 0))
  return Buffer.concat(parts)
}

/**
 * A gzip'd layer holding one file of seeded bytes. Same seed and size → same digest,
 * which is how images share a base layer.
 * @param {{ seed: number, size: number }} spec
 */
export function buildLayer(spec) {
  const tar = tarArchive([
    { name: `data-${spec.seed}.bin`, data: seededBytes(spec.seed, spec.size) }
  ])
  const blob = gzipSync(tar, { level: 1 })
  return { blob, digest: sha256(blob), diffId: sha256(tar) }
}

class Layout {
  /** @param {string} dir */
  constructor(dir) {
    this.dir = dir
    /** @type {Map<string, number>} */
    this.blobSizes = new Map()
    /** @type {{ mediaType: string, digest: string, size: number, annotations: Record<string, string> }[]} */
    this.refs = []
  }

  /** @param {Uint8Array} data */
  async addBlob(data) {
    const digest = sha256(data)
    if (!this.blobSizes.has(digest)) {
      await writeFile(join(this.dir, 'blobs', 'sha256', digest.slice(7)), data)
      this.blobSizes.set(digest, data.length)
    }
    return { digest, size: data.length }
  }

  /** @param {unknown} doc */
  async addJson(doc) {
    return this.addBlob(Buffer.from(JSON.stringify(doc)))
  }
}

/**
 * @param {Layout} layout
 * @param {{ architecture: string, os: string, layers: { seed: number, size: number }[] }} p
 * @param {typeof MEDIA.oci} media
 */
async function buildManifest(layout, p, media) {
  const layers = []
  const diffIds = []
  for (const spec of p.layers) {
    const l = buildLayer(spec)
    const { size } = await layout.addBlob(l.blob)
    layers.push({ mediaType: media.layer, digest: l.digest, size })
    diffIds.push(l.diffId)
  }
  const config = await layout.addJson({
    architecture: p.architecture,
    os: p.os,
    config: {},
    rootfs: { type: 'layers', diff_ids: diffIds }
  })
  const manifest = await layout.addJson({
    schemaVersion: 2,
    mediaType: media.manifest,
    config: { mediaType: media.config, ...config },
    layers
  })
  return {
    digest: manifest.digest,
    size: manifest.size,
    configDigest: config.digest,
    layerDigests: layers.map((l) => l.digest)
  }
}

/**
 * Builds every image of `specs` into one OCI layout (ref names `img0`, `img1`, …).
 * @param {import('./images.d.mts').ImageSpec[]} specs
 * @param {string} [dir] layout directory (a fresh tmp dir by default)
 * @returns {Promise<import('./images.d.mts').BuiltImages>}
 */
export async function buildImages(specs, dir) {
  for (const spec of specs) {
    if (spec.platforms && spec.platforms.length === 0)
      throw new Error(`image ${spec.repo}:${spec.tag} has no platforms`)
  }
  const layoutDir = dir ?? (await mkdtemp(join(tmpdir(), 'mg-oci-')))
  await mkdir(join(layoutDir, 'blobs', 'sha256'), { recursive: true })
  const layout = new Layout(layoutDir)
  /** @type {import('./images.d.mts').BuiltImage[]} */
  const images = []
  for (const [i, spec] of specs.entries()) {
    const refName = `img${i}`
    const platforms = spec.platforms ?? [
      { architecture: 'amd64', os: 'linux', layers: spec.layers ?? [] }
    ]
    const media = MEDIA[spec.format ?? 'oci']
    const children = []
    for (const p of platforms) {
      const m = await buildManifest(layout, { os: 'linux', ...p }, media)
      children.push({ ...m, platform: { architecture: p.architecture, os: p.os ?? 'linux' } })
    }
    /** @type {string[]} */
    const blobs = [...new Set(children.flatMap((c) => [c.configDigest, ...c.layerDigests]))]
    let top
    if (spec.platforms) {
      const index = await layout.addJson({
        schemaVersion: 2,
        mediaType: media.index,
        manifests: children.map((c) => ({
          mediaType: media.manifest,
          digest: c.digest,
          size: c.size,
          platform: c.platform
        }))
      })
      top = { mediaType: media.index, ...index }
    } else {
      top = { mediaType: media.manifest, digest: children[0].digest, size: children[0].size }
    }
    // skopeo's oci: transport reads only OCI descriptors: Docker-format images are pushed over
    // the registry API instead (pushImages), so they stay out of the layout's index.
    if (media === MEDIA.oci)
      layout.refs.push({ ...top, annotations: { 'org.opencontainers.image.ref.name': refName } })
    images.push({
      repo: spec.repo,
      tag: spec.tag,
      refName,
      kind: spec.platforms ? 'index' : 'image',
      digest: top.digest,
      mediaType: top.mediaType,
      manifests: children.map((c) => ({
        digest: c.digest,
        platform: c.platform,
        configDigest: c.configDigest,
        layerDigests: c.layerDigests
      })),
      blobs,
      blobBytes: blobs.reduce((n, d) => n + (layout.blobSizes.get(d) ?? 0), 0)
    })
  }
  await writeFile(join(layoutDir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  await writeFile(
    join(layoutDir, 'index.json'),
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: layout.refs })
  )
  const blobSizes = new Map(layout.blobSizes)
  const layerBlobs = new Set(images.flatMap((im) => im.blobs))
  return {
    layoutDir,
    images,
    blobSizes,
    uniqueBlobBytes: [...layerBlobs].reduce((n, d) => n + (blobSizes.get(d) ?? 0), 0)
  }
}

/**
 * @param {string} file
 * @param {string[]} args
 * @returns {Promise<string>}
 */
function run(file, args) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${file} ${args.join(' ')} failed: ${stderr || err.message}`))
      else resolve(stdout)
    })
  })
}

/**
 * Pushes every built image to `host` (plain HTTP) keeping digests (`--all` for indexes).
 * @param {import('./images.d.mts').BuiltImages} built
 * @param {string} host registry host:port
 * @param {{ skopeo?: string }} [opts]
 */
export async function pushImages(built, host, opts = {}) {
  const skopeo = opts.skopeo ?? 'skopeo'
  for (const im of built.images) {
    if (im.mediaType !== OCI_INDEX && im.mediaType !== OCI_MANIFEST) {
      await pushOverApi(built, host, im)
      continue
    }
    const args = ['copy', '--quiet', '--dest-tls-verify=false', '--preserve-digests']
    if (im.kind === 'index') args.push('--all')
    args.push(`oci:${built.layoutDir}:${im.refName}`, `docker://${host}/${im.repo}:${im.tag}`)
    await run(skopeo, args)
  }
}

/**
 * Pushes one image with the registry API itself (blobs, child manifests by digest, the top
 * manifest by tag), byte for byte: for Docker-format images, which skopeo's oci: transport
 * does not read.
 * @param {import('./images.d.mts').BuiltImages} built
 * @param {string} host
 * @param {import('./images.d.mts').BuiltImage} im
 */
async function pushOverApi(built, host, im) {
  const base = `http://${host}/v2/${im.repo}`
  const bytes = (/** @type {string} */ digest) =>
    readFile(join(built.layoutDir, 'blobs', 'sha256', digest.slice('sha256:'.length)))
  /** @param {string} url @param {RequestInit} init */
  const ok = async (url, init) => {
    const res = await fetch(url, init)
    if (!res.ok) throw new Error(`${init.method} ${url}: HTTP ${res.status} ${await res.text()}`)
    return res
  }
  for (const digest of im.blobs) {
    const start = await ok(`${base}/blobs/uploads/`, { method: 'POST' })
    const location = new URL(start.headers.get('location') ?? '', `http://${host}`)
    location.searchParams.set('digest', digest)
    await ok(location.href, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: await bytes(digest)
    })
  }
  /** @param {string} ref @param {string} digest @param {string} mediaType */
  const putManifest = async (ref, digest, mediaType) =>
    ok(`${base}/manifests/${ref}`, {
      method: 'PUT',
      headers: { 'content-type': mediaType },
      body: await bytes(digest)
    })
  const child = MEDIA.docker.manifest
  if (im.kind === 'index')
    for (const m of im.manifests) await putManifest(m.digest, m.digest, child)
  await putManifest(im.tag, im.digest, im.mediaType)
}
