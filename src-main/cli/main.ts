import { projectRoot } from '../paths';
import { z } from 'zod';
process.stdout.write(JSON.stringify({ root: projectRoot(), dn: typeof __dirname, z: typeof z.object }) + '\n');
