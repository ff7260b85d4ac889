import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, findChrome } from './browser.mjs';

/** Fails fast, with the fix, when the extension is not built or no browser is installed. */
export default async function setup() {
  findChrome();
  // A build running in parallel (another terminal) empties the folder for a few seconds.
  for (let waited = 0; !existsSync(path.join(EXTENSION_DIR, 'manifest.json')); waited += 500) {
    if (waited >= 30_000) {
      throw new Error(`No built extension in ${EXTENSION_DIR}. Run \`npx wxt build\` (npm run test:e2e does it).`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
