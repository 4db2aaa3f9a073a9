/** What the API shows of an audit-log entry: who did what, when and why. */
export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actor: { id: string; name: string };
  action: string;
  entity: { type: string; id: string };
  reason: string | null;
  details: unknown;
}
