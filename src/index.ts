// Bundle entry for both `main:` and `post:` of action.yml.
import { run, stopRequested } from './main.js'

await run()
// After a stop, main has written its outputs, report and summary; a socket a cut-off upload
// left open must not keep the process alive until the runner kills it.
if (stopRequested()) process.exit()
