// Runs in a fresh process: open + migrate + first query on an existing database, timed from inside.
import { CivReg } from '../src-main/core/civreg';

const t0 = process.hrtime.bigint();
const app = new CivReg({ dataDir: process.argv[2] });
app.callAsSystemSync('setup.status', {});
const firstPage = app.callAsSystemSync('audit.list', { limit: 100 });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
app.close();
process.stdout.write(JSON.stringify({ ms, rows: firstPage.entries.length }) + '\n');
