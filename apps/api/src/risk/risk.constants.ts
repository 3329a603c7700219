/** Path prefix of the resources (bootstrap.ts sets the same global prefix). */
export const API_PREFIX_PATH = '/api/v1';
