import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../lib/paths.js';

export const nodeRedHookPath = '/hooks/crm';

/**
 * crm-to-billing built the way a Node-RED user would: http in → change (msg.payload set by the same JSONata) →
 * function (the same coercion, then ajv 2020-12 with formats, compiled once on start) → http request (keep-alive)
 * → http response. Invalid invoices take the function's second output to a 400 answer.
 */
export function nodeRedFlows(expression: string, schema: Record<string, unknown>, sinkUrl: string): unknown[] {
  const z = 'bench-tab';
  const node = (id: string, type: string, wires: string[][], props: Record<string, unknown>) => ({ id, type, z, name: id, x: 100, y: 100, wires, ...props });
  return [
    { id: z, type: 'tab', label: 'crm-to-billing', disabled: false, info: '' },
    node('hook', 'http in', [['map']], { url: nodeRedHookPath, method: 'post', upload: false, swaggerDoc: '' }),
    // The change node evaluates JSONata against msg, not msg.payload: run the same expression with payload as context.
    node('map', 'change', [['check']], {
      rules: [{ t: 'set', p: 'payload', pt: 'msg', to: `payload.(\n${expression}\n)`, tot: 'jsonata' }],
      action: '', property: '', from: '', to: '', reg: false,
    }),
    node('check', 'function', [['billing'], ['reject']], {
      initialize: [
        "const { Ajv2020, addFormats } = global.get('validatorLibraries');",
        'const ajv = new Ajv2020({ allErrors: true, strict: false });',
        'addFormats(ajv);',
        `context.set('validate', ajv.compile(${JSON.stringify(schema)}));`,
      ].join('\n'),
      func: [
        "const validate = context.get('validate');",
        'const invoice = msg.payload;',
        "if (typeof invoice.issuedAt === 'number') {",
        '  const ms = Math.abs(invoice.issuedAt) < 1e11 ? invoice.issuedAt * 1000 : invoice.issuedAt;',
        '  invoice.issuedAt = new Date(ms).toISOString();',
        '}',
        'if (validate(invoice)) return [msg, null];',
        'msg.statusCode = 400;',
        'msg.payload = { errors: validate.errors };',
        'return [null, msg];',
      ].join('\n'),
      outputs: 2, timeout: 0, noerr: 0, finalize: '', libs: [],
    }),
    node('billing', 'http request', [['respond']], {
      method: 'POST', ret: 'txt', paytoqs: 'ignore', url: sinkUrl, tls: '', persist: true, proxy: '',
      insecureHTTPParser: false, authType: '', senderr: false, headers: [],
    }),
    node('respond', 'http response', [], { statusCode: '', headers: {} }),
    node('reject', 'http response', [], { statusCode: '400', headers: {} }),
  ];
}

/** A settings file (CommonJS: Node-RED requires it) for a quiet, editor-less Node-RED on loopback. */
export function writeNodeRedUserDir(userDir: string, port: number, flows: unknown[]): string {
  mkdirSync(userDir, { recursive: true });
  writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flows, null, 2));
  const settings = path.join(userDir, 'settings.cjs');
  const modules = path.join(repoRoot, 'node_modules');
  writeFileSync(
    settings,
    `// Written by bench/webhook/node-red/node-red-flow.ts for one bench run.
const { Ajv2020 } = require(${JSON.stringify(path.join(modules, 'ajv/dist/2020.js'))});
const formats = require(${JSON.stringify(path.join(modules, 'ajv-formats'))});
module.exports = {
  uiHost: '127.0.0.1',
  uiPort: ${port},
  flowFile: 'flows.json',
  userDir: ${JSON.stringify(userDir)},
  credentialSecret: false,
  httpAdminRoot: false,
  httpNodeRoot: '/',
  diagnostics: { enabled: false, ui: false },
  telemetry: { enabled: false },
  externalModules: { autoInstall: false, palette: { allowInstall: false } },
  logging: { console: { level: 'warn', metrics: false, audit: false } },
  functionGlobalContext: { validatorLibraries: { Ajv2020, addFormats: formats.default || formats } },
};
`,
  );
  return settings;
}
