// Typed entry point for tests; the implementation is plain JS so the demo runs on bare Node.
export { startFaultProxy } from './fault-proxy.mjs'
export type {
  CustomReply,
  FaultAction,
  FaultActionName,
  FaultProxy,
  FaultRule,
  ProxyLogEntry,
  RuleStats
} from './fault-proxy.mjs'
