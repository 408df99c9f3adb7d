export interface PictureAnnotation {
  readonly level: 'error' | 'warning' | 'notice'
  readonly props: Record<string, string>
  readonly message: string
}
/** The annotations (`::notice file=…::message` workflow commands) in an action's stdout. */
export declare function annotationsOf(stdout: string): PictureAnnotation[]
