// The public API of @seam/contracts: offline contract verification of a flow and its Pact v3 export, shared by
// `seam test` and the server's contract endpoints.
export { checkFlowContracts, type AcceptedMessage, type ContractFailure, type FlowContractReport, type TestRun } from './contract-check.js';
export { createSchemaChecker, type MessageCheck, type SchemaFault } from './schema-check.js';
export { buildPact, pactFileName, type PactFile, type PactInteraction } from './pact-export.js';
export { flowPacts, type SinkPact } from './flow-pacts.js';
