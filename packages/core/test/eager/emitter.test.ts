import { describe, expect, it, vi } from 'vitest';
import { createEmitter } from '../../src/eager/emitter.js';

describe('createEmitter', () => {
  it('calls every handler even when one throws, and never throws to the emitter', async () => {
    const emitter = createEmitter();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const second = vi.fn();
    emitter.on('shown', () => {
      throw new Error('host bug');
    });
    emitter.on('shown', second);
    expect(() => emitter.emit('shown', { surveyId: 's', moment: 'm', context: {} })).not.toThrow();
    expect(second).toHaveBeenCalledOnce();
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('unhandledRejection', onRejection);
    expect(rejections).toEqual([new Error('host bug')]);
  });

  it('stops calling a handler after its unsubscribe', () => {
    const emitter = createEmitter();
    const handler = vi.fn();
    const off = emitter.on('dismissed', handler);
    off();
    emitter.emit('dismissed', { surveyId: 's', moment: 'm', context: {} });
    expect(handler).not.toHaveBeenCalled();
  });
});
