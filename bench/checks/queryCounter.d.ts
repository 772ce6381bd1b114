// Types for queryCounter.js, for the tests in test/bench/.
export function requestsFor(metricsText: string, handler: string): number;
export function settledRequests(url: string, handler?: string): Promise<number>;
