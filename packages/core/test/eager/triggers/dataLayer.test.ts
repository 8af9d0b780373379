import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeDataLayer } from '../../../src/eager/triggers/dataLayer.js';

type Host = Window & { dataLayer?: unknown[] };
const host = window as Host;
afterEach(() => void delete host.dataLayer);

describe('observeDataLayer', () => {
  it('fires mapped events pushed before it started, in order', () => {
    host.dataLayer = [{ event: 'gtm.js' }, { event: 'purchase', ecommerce: { transaction_id: 'T-1', value: 42, items: [{}] } }];
    const fire = vi.fn();
    const stop = observeDataLayer(window, { purchase: 'purchase' }, fire);
    expect(fire).toHaveBeenCalledExactlyOnceWith('purchase', { transaction_id: 'T-1' });
    stop();
  });

  it('keeps only the fields a mapping names, never a whole event (no e-mail or phone)', () => {
    const event = {
      event: 'purchase',
      customer_email: 'a@b.c',
      customer_phone: '+4912345',
      ecommerce: undefined,
      transaction_id: 'T-9',
      value: 12,
    };
    host.dataLayer = [event, { event: 'ticket_closed', agent: 'Ann', customer_email: 'a@b.c' }];
    const fire = vi.fn();
    const stop = observeDataLayer(window, { purchase: 'purchase', ticket_closed: { moment: 'support-close', context: ['agent'] } }, fire);
    expect(fire.mock.calls).toEqual([
      ['purchase', { transaction_id: 'T-9' }],
      ['support-close', { agent: 'Ann' }],
    ]);
    stop();
  });

  it('fires mapped events pushed later, keeps the previous push working and returns its result', () => {
    const seenByGtm: unknown[] = [];
    const layer: unknown[] = [];
    layer.push = function (...items: unknown[]) {
      seenByGtm.push(...items);
      return Array.prototype.push.apply(this, items);
    };
    host.dataLayer = layer;
    const fire = vi.fn();
    const stop = observeDataLayer(window, { ticket_closed: 'support-close' }, fire);
    expect(layer.push({ event: 'ticket_closed', ticketId: 'T-77' }, { event: 'other' })).toBe(2);
    expect(seenByGtm).toHaveLength(2);
    expect(fire).toHaveBeenCalledExactlyOnceWith('support-close', {});
    stop();
    layer.push({ event: 'ticket_closed' });
    expect(fire).toHaveBeenCalledTimes(1);
    expect(seenByGtm).toHaveLength(3);
  });

  it('reads gtag("event", name, params) calls', () => {
    host.dataLayer = [];
    const fire = vi.fn();
    const stop = observeDataLayer(window, { purchase: 'purchase' }, fire);
    (function gtag(..._args: unknown[]) {
      // gtag pushes its arguments object.
      // eslint-disable-next-line prefer-rest-params
      host.dataLayer!.push(arguments);
    })('event', 'purchase', { transaction_id: 'T-9' });
    expect(fire).toHaveBeenCalledWith('purchase', { transaction_id: 'T-9' });
    stop();
  });

  it('creates window.dataLayer when the page has none, and ignores inherited mapping keys', () => {
    const fire = vi.fn();
    const stop = observeDataLayer(window, { purchase: 'purchase' }, fire);
    expect(Array.isArray(host.dataLayer)).toBe(true);
    host.dataLayer!.push({ event: 'toString' }, { event: 'constructor' }, null, 'x');
    expect(fire).not.toHaveBeenCalled();
    stop();
  });

  it('ignores a mapping the rule refuses (the eager settings pass none to it)', () => {
    host.dataLayer = [{ event: 'purchase', email: 'a@b.c' }];
    const fire = vi.fn();
    observeDataLayer(window, { purchase: '' }, fire)();
    expect(fire).not.toHaveBeenCalled();
  });
});
