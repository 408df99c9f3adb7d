// MappingEntry builders for verify tests (the mapping parser is tested on its own).
import { createHash } from 'node:crypto'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImageRef, MappingEntry } from '../../src/core/types.js'

export function fileRef(path: string, tag?: string, digest?: string): ImageRef {
  // Same folding as oc: a registry-like first component is dropped on disk.
  const parts = path.split('/')
  const first = parts[0] ?? ''
  const hasRegistry =
    parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')
  return {
    raw: `file://${path}${tag !== undefined ? `:${tag}` : ''}${digest !== undefined ? `@${digest}` : ''}`,
    kind: 'file',
    registry: hasRegistry ? first : '',
    repository: hasRegistry ? parts.slice(1).join('/') : path,
    tag,
    digest,
    printed: `file://${path}`,
    diskPath: hasRegistry ? parts.slice(1).join('/') : path
  }
}

export function registryRef(host: string, repo: string, tag?: string, digest?: string): ImageRef {
  return {
    raw: `${host}/${repo}${tag !== undefined ? `:${tag}` : ''}${digest !== undefined ? `@${digest}` : ''}`,
    kind: 'registry',
    registry: host,
    repository: repo,
    tag,
    digest,
    printed: `${host}/${repo}`,
    diskPath: ''
  }
}

export function entry(
  id: number,
  source: ImageRef,
  destination: ImageRef,
  destinationTag: string | undefined = destination.tag ?? (source.digest ? undefined : source.tag)
): MappingEntry {
  return {
    id,
    file: 'mapping.txt',
    line: id + 1,
    text: `${source.raw}=${destination.raw}`,
    source,
    destination,
    destinationTag
  }
}

export const sha256 = (data: Uint8Array | string): string =>
  'sha256:' + createHash('sha256').update(data).digest('hex')

export interface WrittenImage {
  manifest: string
  manifestBytes: Buffer
  config: string
  layers: string[]
  layerBytes: Buffer[]
}

/** Writes one image the way oc does: blobs/<d>, manifests/<d>, manifests/<tag> -> <d>. */
export async function writeImage(
  root: string,
  repo: string,
  opts: { tag?: string; layers: string[]; oci?: boolean; skipBlobs?: number[]; linkTag?: boolean }
): Promise<WrittenImage> {
  const dir = join(root, 'v2', ...repo.split('/'))
  await mkdir(join(dir, 'blobs'), { recursive: true })
  await mkdir(join(dir, 'manifests'), { recursive: true })
  const configBytes = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', repo }))
  const layerBytes = opts.layers.map((l) => Buffer.from(l))
  const config = sha256(configBytes)
  const layers = layerBytes.map((b) => sha256(b))
  const manifestBytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: opts.oci
        ? 'application/vnd.oci.image.manifest.v1+json'
        : 'application/vnd.docker.distribution.manifest.v2+json',
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: configBytes.length,
        digest: config
      },
      layers: layerBytes.map((b, i) => ({
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        size: b.length,
        digest: layers[i]
      }))
    })
  )
  const manifest = sha256(manifestBytes)
  const skip = new Set(opts.skipBlobs ?? [])
  if (!skip.has(-1)) await writeFile(join(dir, 'blobs', config), configBytes)
  for (const [i, b] of layerBytes.entries()) {
    if (!skip.has(i)) await writeFile(join(dir, 'blobs', layers[i]), b)
  }
  await writeFile(join(dir, 'blobs', manifest), manifestBytes)
  await writeFile(join(dir, 'manifests', manifest), manifestBytes)
  if (opts.tag !== undefined && opts.linkTag !== false) {
    await symlink(manifest, join(dir, 'manifests', opts.tag))
  }
  return { manifest, manifestBytes, config, layers, layerBytes }
}

/** A docker manifest list over already written images, tagged like oc tags it. */
export async function writeList(
  root: string,
  repo: string,
  tag: string,
  children: { digest: string; size: number; arch: string }[]
): Promise<string> {
  const dir = join(root, 'v2', ...repo.split('/'))
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: children.map((c) => ({
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        size: c.size,
        digest: c.digest,
        platform: { architecture: c.arch, os: 'linux' }
      }))
    })
  )
  const digest = sha256(bytes)
  await mkdir(join(dir, 'manifests'), { recursive: true })
  await mkdir(join(dir, 'blobs'), { recursive: true })
  await writeFile(join(dir, 'blobs', digest), bytes)
  await writeFile(join(dir, 'manifests', digest), bytes)
  await symlink(digest, join(dir, 'manifests', tag))
  return digest
}
