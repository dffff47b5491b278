import { describe, expect, it } from 'vitest';
import { checkFlowGraph } from './graph-checks.js';
import { formatPath, type Problem } from './problem.js';
import { testFlow } from './test-flow.js';

const summary = (problems: readonly Problem[]) => problems.map((p) => `${formatPath(p.path)} ${p.code}`);
const config = (json: { nodes: Record<string, unknown>[] }, i: number) => json.nodes[i]!.config as Record<string, unknown>;

describe('checkFlowGraph', () => {
  it('finds nothing wrong with a well-formed flow', () => {
    expect(checkFlowGraph(testFlow())).toEqual([]);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = checkFlowGraph(testFlow((j) => {
      j.nodes[1]!.type = 'jsonnata';
      config(j, 3).attempts = 0;
      j.edges.push({ from: 'out', to: 'nowhere' });
      j.nodes.push({ id: 'map', type: 'log', config: {} });
    }));
    expect(summary(problems)).toEqual(expect.arrayContaining([
      '$.nodes[1].type unknown-node-type',
      '$.nodes[3].config.attempts invalid-config',
      '$.edges[4].to edge-missing-node',
      '$.nodes[5].id duplicate-node-id',
    ]));
  });

  it('locates a config problem with the zod path inside the config', () => {
    const problems = checkFlowGraph(testFlow((j) => { config(j, 3).breaker = { failureThreshold: 0 }; }));
    expect(problems).toEqual([
      { path: ['nodes', 3, 'config', 'breaker', 'failureThreshold'], code: 'invalid-config', message: 'must be at least 1' },
    ]);
  });

  it('locates a JSONata syntax error by character position', () => {
    const [p] = checkFlowGraph(testFlow((j) => { config(j, 1).expression = 'amount +'; }));
    expect(p?.path).toEqual(['nodes', 1, 'config', 'expression']);
    expect(p?.code).toBe('jsonata-syntax');
    expect(p?.message).toMatch(/^JSONata does not parse at character \d+: /);
  });

  it('checks each JSONata field of an http-poll source, at its own path', () => {
    const problems = checkFlowGraph(testFlow((j) => {
      j.nodes[0] = { id: 'src', type: 'http-poll', config: { url: 'https://api.example/x', items: 'items[', nextLink: 'links.(next', cursor: { param: 'since', next: '$max(' } } };
    }));
    expect(summary(problems)).toEqual([
      '$.nodes[0].config.items jsonata-syntax',
      '$.nodes[0].config.nextLink jsonata-syntax',
      '$.nodes[0].config.cursor.next jsonata-syntax',
    ]);
  });

  it('reports a JSON Schema that is itself invalid where it goes wrong', () => {
    const problems = checkFlowGraph(testFlow((j) => { config(j, 2).schema = { type: 'object', properties: { total: { type: 'decimal' } } }; }));
    expect(summary(problems)).toEqual(['$.nodes[2].config.schema.properties.total.type invalid-json-schema']);
  });

  it('accepts credentials written as secret references and refuses literal ones', () => {
    expect(checkFlowGraph(testFlow((j) => { config(j, 4).headers = { 'X-Api-Key': '{{ secret.KEY }}', Accept: 'application/json' }; }))).toEqual([]);
    const problems = checkFlowGraph(testFlow((j) => { config(j, 4).headers = { 'X-Api-Key': 'abc123', Cookie: 'session=1' }; }));
    expect(summary(problems)).toEqual(['$.nodes[4].config.headers.X-Api-Key literal-secret', '$.nodes[4].config.headers.Cookie literal-secret']);
  });

  it('refuses a literal credential in a URL query parameter, but not a secret reference or an ordinary parameter', () => {
    expect(checkFlowGraph(testFlow((j) => { config(j, 4).url = 'https://x.example/in?api_key={{secret.KEY}}&page=2'; }))).toEqual([]);
    const problems = checkFlowGraph(testFlow((j) => { config(j, 4).url = 'https://x.example/in?page=2&token=abc#top'; }));
    expect(summary(problems)).toEqual(['$.nodes[4].config.url literal-secret']);
  });

  it('refuses a literal password in a URL (user:password@host), but not a reference or a user name alone', () => {
    for (const url of ['https://svc:{{secret.SVC_PASSWORD}}@x.example/in', 'https://svc@x.example/in', 'https://x.example/in?next=a:b@c']) {
      expect(checkFlowGraph(testFlow((j) => { config(j, 4).url = url; }))).toEqual([]);
    }
    const problems = checkFlowGraph(testFlow((j) => { config(j, 4).url = 'https://svc:hunter2@x.example/in'; }));
    expect(problems).toEqual([expect.objectContaining({ path: ['nodes', 4, 'config', 'url'], code: 'literal-secret', message: expect.stringContaining('literal password') })]);
  });

  it('treats an edge without ports as out → in, and rejects ports a node does not have', () => {
    expect(checkFlowGraph(testFlow((j) => { j.edges[0] = { from: 'src', fromPort: 'out', to: 'map', toPort: 'in' }; }))).toEqual([]);
    const problems = checkFlowGraph(testFlow((j) => { j.edges[0] = { from: 'src', to: 'map', toPort: 'left' }; }));
    expect(problems).toEqual([{
      path: ['edges', 0, 'toPort'], code: 'edge-missing-port',
      message: 'node "map" (JSONata mapping) has no input port "left"; its input ports are: in',
    }]);
  });

  it('reports each edge that closes a loop once, naming the loop', () => {
    const problems = checkFlowGraph(testFlow((j) => { j.edges.push({ from: 'retry', to: 'map' }); }));
    expect(problems).toEqual([{
      path: ['edges', 4], code: 'cycle',
      message: 'this edge closes a loop (map → check → retry → map); a flow must run one way, from sources to sinks',
    }]);
  });

  it('reports a source connected to nothing, a node no source reaches and a node whose output goes nowhere', () => {
    const problems = checkFlowGraph(testFlow((j) => {
      j.nodes.push({ id: 'hook', type: 'webhook', config: {} });
      j.nodes.push({ id: 'stray', type: 'jsonata', config: { expression: '$' } });
      j.edges.push({ from: 'stray', to: 'out' });
      j.nodes.push({ id: 'tap', type: 'jsonata', config: { expression: '$' } });
      j.edges.push({ from: 'map', to: 'tap' });
    }));
    expect(summary(problems)).toEqual([
      '$.nodes[5] source-without-downstream',
      '$.nodes[6] unreachable-node',
      '$.nodes[7] node-without-downstream',
    ]);
  });

  it('says once that a flow without a source cannot run, instead of calling every node unreachable', () => {
    const problems = checkFlowGraph(testFlow((j) => { j.nodes.shift(); j.edges.shift(); j.layout = { nodes: {} }; }));
    expect(summary(problems)).toEqual(['$.nodes no-source']);
  });

  it('does not call the nodes after an unknown-type node unreachable: it may be a mistyped source', () => {
    const problems = checkFlowGraph(testFlow((j) => { j.nodes[0]!.type = 'webhok'; j.nodes[0]!.config = {}; }));
    expect(problems).toEqual([expect.objectContaining({ path: ['nodes', 0, 'type'], message: expect.stringContaining('did you mean "webhook"?') })]);
  });

  it('flags layout, samples and contracts left behind by a deleted node', () => {
    const problems = checkFlowGraph(testFlow((j) => {
      j.layout = { nodes: { gone: { x: 1, y: 1 } } };
      j.samples = { gone: [] };
      j.contracts = { gone: { schema: {} } };
    }));
    expect(summary(problems)).toEqual([
      '$.layout.nodes.gone layout-unknown-node',
      '$.samples.gone sample-unknown-node',
      '$.contracts.gone sample-unknown-node',
    ]);
  });

  it('walks a chain of 20 000 nodes without overflowing the stack', () => {
    const doc = testFlow((j) => {
      const chain = Array.from({ length: 20_000 }, (_, i) => ({ id: `m${i}`, type: 'jsonata', config: { expression: '$' } }));
      j.nodes.splice(1, 0, ...chain);
      j.edges.splice(0, 1, { from: 'src', to: 'm0' }, ...chain.slice(1).map((n, i) => ({ from: `m${i}`, to: n.id })), { from: 'm19999', to: 'map' });
      j.edges.push({ from: 'check', to: 'm0' });
    });
    const problems = checkFlowGraph(doc);
    expect(summary(problems)).toEqual([`$.edges[${doc.edges.length - 1}] cycle`]);
  });
});
