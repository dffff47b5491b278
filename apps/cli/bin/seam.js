#!/usr/bin/env node
// Committed entry point: the TypeScript sources run through tsx, so `npx seam` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
