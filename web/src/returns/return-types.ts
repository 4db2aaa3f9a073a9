/** The API's return shapes, from the server's own types so the two cannot drift apart. */
export type { Return, ReturnableLine, ReturnEntry, ReturnLine, ReturnStepResult, ReturnSummary } from '../../../src/sales/return-types';
export type { ReturnStatus } from '../../../src/db/schema';
