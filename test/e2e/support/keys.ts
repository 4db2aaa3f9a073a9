/** The admin key the browser-test server is started with (a throwaway database, so no secret). */
export const E2E_ADMIN_KEY = 'sr_e2e_admin_key';
