import { describe, expect, it, vi } from 'vitest';
import { observeTriggerEvents, TRIGGER_EVENT } from '../../../src/eager/triggers/domEvent.js';

describe('observeTriggerEvents', () => {
  it('fires moments:trigger events with their context and ignores malformed details', () => {
    const fire = vi.fn();
    const stop = observeTriggerEvents(document, fire);
    document.dispatchEvent(new CustomEvent(TRIGGER_EVENT, { detail: { moment: 'delivered', context: { orderId: 'A-1' } } }));
    document.dispatchEvent(new CustomEvent(TRIGGER_EVENT, { detail: { moment: 'x', context: 'nope' } }));
    for (const detail of [null, 'purchase', { moment: '' }, { moment: 3 }])
      document.dispatchEvent(new CustomEvent(TRIGGER_EVENT, { detail }));
    expect(fire.mock.calls).toEqual([
      ['delivered', { orderId: 'A-1' }],
      ['x', {}],
    ]);
    stop();
    document.dispatchEvent(new CustomEvent(TRIGGER_EVENT, { detail: { moment: 'late' } }));
    expect(fire).toHaveBeenCalledTimes(2);
  });
});
