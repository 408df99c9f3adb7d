// Bundle entry for both `main:` and `post:` of action.yml.
import { run } from './main.js'

await run()
