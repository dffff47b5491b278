import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { dataDir } from '../lib/paths.js';
import { crmOrderEvent } from './crm-records.js';

/**
 * Returns the path of an NDJSON file of `count` CRM events under bench/.data/, writing it first when missing.
 * Written to a temporary name and renamed, so an interrupted bench never leaves a short file behind.
 */
export async function ensureCrmDataFile(count: number, invalid: boolean): Promise<string> {
  const file = path.join(dataDir, `crm-orders-${count}${invalid ? '-invalid' : ''}.ndjson`);
  if (existsSync(file)) return file;
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.partial`;
  const out = createWriteStream(temporary);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += `${JSON.stringify(crmOrderEvent(i, invalid))}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  renameSync(temporary, file);
  return file;
}
