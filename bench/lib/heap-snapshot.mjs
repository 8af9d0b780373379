// SPDX-License-Identifier: MIT
// Reads a V8 heap snapshot (CDP `HeapProfiler.takeHeapSnapshot`) into a few sums, so the memory
// bench can tell what a page's code keeps from what the engine and the instrumentation keep:
// compiled code (V8's JIT warms up over hundreds of surveys, then stops growing) and the DevTools
// network agent's record of every request (Playwright keeps the Network domain on; a shopper's
// browser has no such record).

/** Sums of self sizes in bytes: `{total, code, devtools}` (`code`: V8 node type "code"). */
export async function snapshotSizes(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snapshot = JSON.parse(chunks.join(''));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const sizes = { total: 0, code: 0, devtools: 0 };
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const size = snapshot.nodes[i + sizeAt];
    sizes.total += size;
    if (types[snapshot.nodes[i + typeAt]] === 'code') sizes.code += size;
    else if (snapshot.strings[snapshot.nodes[i + nameAt]].startsWith('blink::NetworkResourcesData')) sizes.devtools += size;
  }
  return sizes;
}
