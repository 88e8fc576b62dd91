/** Where the harness gets fixture responses: the shared fixture server (tests/fixtures/serve.ts). */
export { fixtureResponse, type FixtureResponse } from '../../fixtures/serve';
