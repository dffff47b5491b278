// The end-to-end tests drive Debian's Chromium; install it when missing (CI machines start without it).
// Never downloads a Playwright browser build.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const chromium = '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log('Chromium is missing: installing Debian\'s chromium package (apt-get)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
}
