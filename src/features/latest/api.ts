/** What other features may use of the Latest view: its sidebar panel's id and a way to add a filter to its row. */
export const LATEST_PANEL = 'latest';
export { addLatestFilter, type LatestFilter, type LatestFilterContext } from './filters';
