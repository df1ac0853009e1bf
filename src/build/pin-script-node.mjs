// Runs after every npm install (the postinstall script). The node22 and node24 dev dependencies
// both declare a `node` bin; npm links whichever it reaches first into node_modules/.bin, and an
// install that adds or updates one of them can hand the link to Node 24. npm scripts put that
// folder first on PATH, and they run on Lambda's default runtime, Node 22: point the link there.
import { existsSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';

const LINK = 'node_modules/.bin/node';
const TARGET = '../node22/bin/node';

function currentTarget() {
  try {
    return readlinkSync(LINK);
  } catch (error) {
    // ENOENT: no link yet; EINVAL: a file that is not a link. Either way it is replaced below.
    if (error.code === 'ENOENT' || error.code === 'EINVAL') return undefined;
    throw error;
  }
}

// An install without dev dependencies has no node22, and no scripts that need it.
if (existsSync('node_modules/node22/bin/node')) {
  const current = currentTarget();
  if (current !== TARGET) {
    rmSync(LINK, { force: true });
    symlinkSync(TARGET, LINK);
    console.log(`${LINK} now points at ${TARGET} (it was ${current ?? 'missing'}).`);
  }
}
