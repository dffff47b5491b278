import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeFlow, loadFlowText, type FlowDocument } from '@seam/flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { api, rawRequest, startTestServer, tempDirs, TEST_TOKEN, waitFor, webhookToHttpFlow, type TestDirs } from './helpers.js';

interface FlowAnswer {
  readonly document: FlowDocument | null;
  readonly etag: string;
  readonly problems: { path: (string | number)[]; at: string; code: string; message: string }[];
}
interface ErrorAnswer {
  readonly error: { kind: string; message: string; problems?: { path: (string | number)[]; at: string; message: string }[] };
  readonly currentEtag?: string;
  readonly yourEtag?: string;
}

let dirs: TestDirs;
let server: RunningServer;

beforeAll(async () => {
  dirs = tempDirs();
  server = await startTestServer(dirs);
});
afterAll(async () => {
  await server?.close();
  dirs?.remove();
});

/** A flow written with keys in a scrambled order and a layout with fractions, so canonical output differs from input. */
function scrambled(id: string): Record<string, unknown> {
  return {
    layout: { nodes: { out: { y: 10.4, x: 200.6 }, in: { x: 0, y: 0 } } },
    edges: [{ to: 'out', from: 'in' }],
    nodes: [
      { config: {}, type: 'webhook', id: 'in' },
      { config: { method: 'PUT', url: 'http://127.0.0.1:9/x' }, id: 'out', type: 'http' },
    ],
    name: 'Scrambled',
    id,
    formatVersion: 2,
  };
}

describe('flows are files', () => {
  it('creates, reads, updates, renames and deletes a flow, keeping the file canonical', async () => {
    const created = await api<FlowAnswer>(server, 'POST', '/api/flows', { body: scrambled('round-trip') });
    expect(created.status).toBe(201);
    expect(created.body.problems).toEqual([]);
    const file = join(dirs.flowsDir, 'round-trip.json');
    const onDisk = readFileSync(file, 'utf8');
    const parsed = loadFlowText(onDisk);
    expect(parsed.document).toBeDefined();
    expect(onDisk).toBe(serializeFlow(parsed.document!));
    expect(onDisk.indexOf('"formatVersion"')).toBeLessThan(onDisk.indexOf('"nodes"'));
    expect(onDisk).toContain('"x": 201');

    const got = await api<FlowAnswer>(server, 'GET', '/api/flows/round-trip');
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe(`"${created.body.etag}"`);
    expect(got.body.document?.name).toBe('Scrambled');

    const changed = { ...got.body.document!, name: 'Renamed in the designer' };
    const put = await api<FlowAnswer>(server, 'PUT', '/api/flows/round-trip', { body: changed, headers: { 'If-Match': got.headers.get('etag')! } });
    expect(put.status).toBe(200);
    expect(put.body.etag).not.toBe(created.body.etag);
    const afterPut = readFileSync(file, 'utf8');
    expect(afterPut).toBe(serializeFlow(loadFlowText(afterPut).document!));
    expect(afterPut).toContain('Renamed in the designer');

    const renamed = await api<FlowAnswer>(server, 'POST', '/api/flows/round-trip/rename', { body: { newId: 'round-trip-2', name: 'Second name' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.document?.id).toBe('round-trip-2');
    const files = readdirSync(dirs.flowsDir);
    expect(files).toContain('round-trip-2.json');
    expect(files).not.toContain('round-trip.json');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const list = await api<{ id: string; valid: boolean; etag: string; deployed: boolean; dlqDepth: number }[]>(server, 'GET', '/api/flows');
    expect(list.body.find((f) => f.id === 'round-trip-2')).toMatchObject({ valid: true, deployed: false, dlqDepth: 0, etag: renamed.body.etag });

    const deleted = await api(server, 'DELETE', '/api/flows/round-trip-2');
    expect(deleted.status).toBe(204);
    expect(readdirSync(dirs.flowsDir)).not.toContain('round-trip-2.json');
    expect((await api(server, 'GET', '/api/flows/round-trip-2')).status).toBe(404);
  });

  it('answers 409 with both hashes when If-Match is stale, and leaves the file alone', async () => {
    const created = await api<FlowAnswer>(server, 'POST', '/api/flows', { body: webhookToHttpFlow('stale', 'http://127.0.0.1:9/x') });
    const first = created.body.etag;
    const second = await api<FlowAnswer>(server, 'PUT', '/api/flows/stale', { body: { ...created.body.document!, name: 'Window A' }, headers: { 'If-Match': `"${first}"` } });
    expect(second.status).toBe(200);
    const before = readFileSync(join(dirs.flowsDir, 'stale.json'), 'utf8');

    const late = await api<ErrorAnswer>(server, 'PUT', '/api/flows/stale', { body: { ...created.body.document!, name: 'Window B' }, headers: { 'If-Match': `"${first}"` } });
    expect(late.status).toBe(409);
    expect(late.body.error.kind).toBe('conflict');
    expect(late.body.yourEtag).toBe(first);
    expect(late.body.currentEtag).toBe(second.body.etag);
    expect(readFileSync(join(dirs.flowsDir, 'stale.json'), 'utf8')).toBe(before);
  });

  it('refuses to create a flow whose id exists', async () => {
    await api(server, 'POST', '/api/flows', { body: webhookToHttpFlow('twice', 'http://127.0.0.1:9/x') });
    const again = await api<ErrorAnswer>(server, 'POST', '/api/flows', { body: webhookToHttpFlow('twice', 'http://127.0.0.1:9/y') });
    expect(again.status).toBe(409);
    expect(readFileSync(join(dirs.flowsDir, 'twice.json'), 'utf8')).toContain('9/x');
  });

  it('answers bad bodies with 400 and the path of every problem', async () => {
    const notAFlow = await api<ErrorAnswer>(server, 'POST', '/api/flows', { body: { formatVersion: 2, id: '9bad', name: '', nodes: 'none' } });
    expect(notAFlow.status).toBe(400);
    expect(notAFlow.body.error.kind).toBe('flow');
    const ats = notAFlow.body.error.problems!.map((p) => p.at);
    expect(ats).toEqual(expect.arrayContaining(['$.id', '$.name', '$.nodes']));

    const badJson = await api<ErrorAnswer>(server, 'POST', '/api/flows', { rawBody: '{"id": ' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.kind).toBe('request');

    const badRename = await api<ErrorAnswer>(server, 'POST', '/api/flows/twice/rename', { body: { newId: 42, extra: true } });
    expect(badRename.status).toBe(400);
    expect(badRename.body.error.problems!.map((p) => p.at)).toEqual(expect.arrayContaining(['$.newId', '$.extra']));

    const badQuery = await api<ErrorAnswer>(server, 'GET', '/api/dead-letters?limit=0&errorClass=nope');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.problems!.map((p) => p.at)).toEqual(expect.arrayContaining(['$.limit', '$.errorClass']));
  });

  it('saves an incomplete flow but reports its graph problems; validate lists them all', async () => {
    const lonely = { formatVersion: 2, id: 'lonely', name: 'Lonely', nodes: [{ id: 'src', type: 'webhook' }, { id: 'dst', type: 'http', config: { url: 'ftp://x' } }] };
    const saved = await api<FlowAnswer>(server, 'POST', '/api/flows', { body: lonely });
    expect(saved.status).toBe(201);
    expect(saved.body.problems.map((p) => p.at)).toEqual(expect.arrayContaining(['$.nodes[0]', '$.nodes[1].config.url']));

    const validated = await api<{ valid: boolean; problems: { at: string }[] }>(server, 'POST', '/api/flows/validate', { body: lonely });
    expect(validated.status).toBe(200);
    expect(validated.body.valid).toBe(false);
    expect(validated.body.problems.length).toBe(saved.body.problems.length);

    const deploy = await api<ErrorAnswer>(server, 'POST', '/api/flows/lonely/deploy');
    expect(deploy.status).toBe(400);
    expect(deploy.body.error.kind).toBe('flow');
  });

  it('refuses ids that would leave the flows folder', async () => {
    const paths = [
      '/api/flows/..%2F..%2Fetc%2Fpasswd',
      '/api/flows/%2e%2e',
      '/api/flows/..%5Cwindows',
      '/api/flows/a%2Fb',
      '/api/flows/.hidden',
      '/hooks/..%2Fx/in',
      '/api/flows/%E0%A4%A',
    ];
    for (const path of paths) {
      const answer = await rawRequest(server.url, path.startsWith('/hooks') ? 'POST' : 'GET', path, { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' }, '{}');
      expect(answer.status, path).toBe(400);
    }
    const rename = await api(server, 'POST', '/api/flows/twice/rename', { body: { newId: '../escaped' } });
    expect(rename.status).toBe(400);
    const put = await rawRequest(server.url, 'PUT', '/api/flows/..%2Fevil', { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' }, JSON.stringify(webhookToHttpFlow('evil', 'http://127.0.0.1:9/')));
    expect(put.status).toBe(400);
    expect(readdirSync(join(dirs.flowsDir, '..'))).not.toContain('evil.json');
  });

  it('picks up a file edited on disk and announces it over SSE', async () => {
    const created = await api<FlowAnswer>(server, 'POST', '/api/flows', { body: webhookToHttpFlow('edited', 'http://127.0.0.1:9/x') });
    const controller = new AbortController();
    const events = await fetch(`${server.url}/api/events?token=${TEST_TOKEN}`, { signal: controller.signal });
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reader = events.body!.getReader();
    let seen = '';
    try {
      const file = join(dirs.flowsDir, 'edited.json');
      const edited = readFileSync(file, 'utf8').replace('Test flow edited', 'Edited by hand in vim');
      writeFileSync(file, edited);

      const got = await api<FlowAnswer>(server, 'GET', '/api/flows/edited');
      expect(got.body.document?.name).toBe('Edited by hand in vim');
      expect(got.body.etag).not.toBe(created.body.etag);

      await waitFor('a flow-changed event', async () => {
        const { value } = await reader.read();
        seen += new TextDecoder().decode(value);
        return /event: flow-changed\ndata: \{"id":"edited","etag":"[0-9a-f]+"\}/.test(seen) && seen.includes(got.body.etag);
      });
    } finally {
      controller.abort();
      await reader.cancel().catch(() => undefined);
    }
  });

  it('lists a broken file as invalid and returns its problems instead of failing', async () => {
    writeFileSync(join(dirs.flowsDir, 'broken.json'), '{ "formatVersion": 2, "id": ');
    const list = await api<{ id: string; valid: boolean; problems: number }[]>(server, 'GET', '/api/flows');
    expect(list.body.find((f) => f.id === 'broken')).toMatchObject({ valid: false, problems: 1 });
    const got = await api<FlowAnswer>(server, 'GET', '/api/flows/broken');
    expect(got.status).toBe(200);
    expect(got.body.document).toBeNull();
    expect(got.body.problems[0]?.code).toBe('not-json');
  });

  it('serves the catalog with each config schema as JSON Schema', async () => {
    const catalog = await api<{ type: string; kind: string; configSchema: { type: string; properties: Record<string, unknown> } }[]>(server, 'GET', '/api/catalog');
    expect(catalog.status).toBe(200);
    const http = catalog.body.find((d) => d.type === 'http');
    expect(http?.kind).toBe('sink');
    expect(http?.configSchema.type).toBe('object');
    expect(Object.keys(http?.configSchema.properties ?? {})).toEqual(expect.arrayContaining(['url', 'method', 'headers', 'timeoutMs']));
    expect(catalog.body.map((d) => d.type)).toEqual(expect.arrayContaining(['webhook', 'jsonata', 'json-schema', 'retry']));
  });
});

describe('request bodies', () => {
  it('answers 415 to a body that is not JSON', async () => {
    const answer = await api<{ error: { kind: string } }>(server, 'POST', '/api/flows', { rawBody: 'id=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(answer.status).toBe(415);
    expect(answer.body.error.kind).toBe('unsupported-media-type');
  });
});
