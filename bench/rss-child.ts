// Child process of the RSS benchmark: RSS at start, then after the core opened a database of
// N entries and served what a workstation asks first (the queue's first page, the status).
import { openDatabase } from '../electron/core/db/open';
import { listQueue } from '../electron/core/queue/queue-view';
import { deskStatus } from '../electron/core/status';
import { rssMb } from './lib/measure';

const atStart = rssMb();
const db = openDatabase(process.argv[2]!);
listQueue(db, { userId: 'bench-agent', roles: ['agent', 'supervisor'] }, { statuses: ['open'], limit: 100 }, new Date());
deskStatus(db);
listQueue(db, { userId: 'bench-agent', roles: ['agent', 'supervisor'] }, { limit: 5000 }, new Date());
const working = rssMb();
db.$client.close();
process.stdout.write(JSON.stringify({ atStart, working }));
