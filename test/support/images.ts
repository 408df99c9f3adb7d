// Typed entry point for tests; the implementation is plain JS so the demo runs on bare Node.
export { buildImages, buildLayer, pushImages, tarArchive } from './images.mjs'
export type {
  BuiltImage,
  BuiltImages,
  BuiltManifest,
  ImageSpec,
  LayerSpec,
  PlatformSpec
} from './images.mjs'
