// SPDX-License-Identifier: MIT
// A collector in its own process for the export memory test: prints its URL, and on an IPC
// message answers with its peak RSS (the kernel's maxRSS) and the peak heap it sampled itself.
import { startCollector } from '@moments/collector';

const [database] = process.argv.slice(2);
const running = await startCollector({ database, rate: 0 });
let peakHeap = process.memoryUsage().heapUsed;
setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5).unref();
process.on('message', (message) => {
  if (message === 'reset') peakHeap = process.memoryUsage().heapUsed;
  process.send?.({ maxRss: process.resourceUsage().maxRSS * 1024, peakHeap, heap: process.memoryUsage().heapUsed });
});
process.on('disconnect', () => void running.close().then(() => process.exit(0)));
console.log(`listening ${running.url}`);
