import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the end-to-end server listens and the token it accepts (fixed, so tests can sign in directly). */
export const E2E_PORT = Number(process.env.SEAM_E2E_PORT ?? 4517);
export const E2E_TOKEN = 'e2e-token-0123456789abcdef';
export const E2E_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The server's flows folder (a temp copy of flows/) and data folder: tests compare exports with these files. */
export const E2E_WORK_DIR = join(tmpdir(), `seam-e2e-${E2E_PORT}`);
export const E2E_FLOWS_DIR = join(E2E_WORK_DIR, 'flows');
export const E2E_DATA_DIR = join(E2E_WORK_DIR, 'data');
/** Fresh one-time login links written by the test server (one per line). */
export const E2E_LOGIN_LINKS = join(E2E_WORK_DIR, 'login-links.txt');
