import { createMoments, idempotencyKey, SDK, type Answer, type SurveyHandlers } from '@moments/core/internal';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CUSTOMER_ACCOUNT_API } from '../src/index.js';
import { memoryStorage, orderStatusShopify, thankYouShopify } from './standIn.js';

const CONFIG_URL = 'https://tidewater.example/moments/config.json';
const config = {
  endpoint: 'https://answers.tidewater.example/answers',
  headers: { 'x-shop': 'tidewater' },
  surveys: [
    { id: 'post-purchase', moment: 'purchase', oncePer: 'orderId', question: { type: 'nps', text: 'How likely are you to recommend us?' } },
    { id: 'delivery-csat', moment: 'delivery', question: { type: 'csat', text: 'How was the delivery?' }, thanks: 'Danke!' },
  ],
};

interface Posted {
  url: string;
  headers: Record<string, string>;
  body: { answers: Array<Record<string, unknown>> };
}

/** The network the extension sees: the config file, the endpoint, the Customer Account API. */
function network({ endpointStatus = 204, fulfillment = 'FULFILLED' } = {}) {
  const posted: Posted[] = [];
  const queries: unknown[] = [];
  const state = { endpointStatus };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (url === CONFIG_URL) return Response.json(config);
      if (url === CUSTOMER_ACCOUNT_API) {
        queries.push(JSON.parse(String(init.body)));
        return Response.json({ data: { order: { fulfillmentStatus: fulfillment } } });
      }
      if (url === config.endpoint) {
        posted.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) });
        return new Response(null, { status: state.endpointStatus });
      }
      return new Response('not found', { status: 404 });
    }),
  );
  return { posted, queries, state };
}

/** Runs an extension module as Shopify does: `shopify` global set, its default export called. */
async function runExtension(module: string, shopify: unknown) {
  vi.stubGlobal('shopify', shopify);
  const { default: run } = (await import(/* @vite-ignore */ module)) as { default: () => Promise<void> };
  await act(async () => run());
}

const buttons = () => [...document.body.querySelectorAll('s-button')];
const click = async (label: string) => {
  const button = buttons().find((b) => b.textContent === label)!;
  await act(async () => void button.dispatchEvent(new Event('click')));
};

beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => undefined));
afterEach(() => {
  act(() => render(null, document.body));
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The Answer @moments/core (what moments.js runs) records for the same survey: the reference shape. */
async function answerFromMomentsJs(): Promise<Answer> {
  let handlers: SurveyHandlers | undefined;
  const client = createMoments(config, { show: (_, h) => ((handlers = h), { close: () => undefined }) });
  const answered = new Promise<Answer>((resolve) => client.on('answered', ({ answer }) => resolve(answer)));
  client.trigger('purchase', { orderId: 'gid://shopify/Order/1' });
  await vi.waitFor(() => expect(handlers).toBeDefined());
  await handlers!.answer(9);
  const answer = await answered;
  client.destroy();
  return answer;
}

const THANK_YOU = '../extensions/moments-order-survey/src/ThankYou.tsx';
const ORDER_STATUS = '../extensions/moments-order-survey/src/OrderStatus.tsx';

describe('purchase.thank-you.block.render', () => {
  it('asks the config’s purchase survey in Polaris components and posts the same Answer to the same endpoint', async () => {
    const net = network();
    await runExtension(THANK_YOU, thankYouShopify('gid://shopify/Order/1001', CONFIG_URL));
    await vi.waitFor(() => expect(buttons()).toHaveLength(11));
    expect(document.body.querySelector('s-section')?.getAttribute('heading')).toBe('How likely are you to recommend us?');
    await click('9');
    await vi.waitFor(() => expect(net.posted).toHaveLength(1));
    const [post] = net.posted;
    const answer = post!.body.answers[0]!;
    // The same fields as the Answer moments.js records for this survey (no comment here).
    expect(Object.keys(answer).sort()).toEqual(Object.keys(await answerFromMomentsJs()).sort());
    expect(answer).toMatchObject({
      surveyId: 'post-purchase',
      moment: 'purchase',
      question: { type: 'nps', text: 'How likely are you to recommend us?' },
      value: 9,
      context: { orderId: 'gid://shopify/Order/1001' },
      url: 'https://tidewater.example',
      locale: 'en',
      sdk: { ...SDK },
    });
    expect(answer['id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(post!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-shop': 'tidewater',
      'idempotency-key': idempotencyKey([String(answer['id'])]),
    });
    expect(document.body.textContent).toContain('Thank you for your feedback!');
  });

  it('asks once per order: the same order again shows nothing', async () => {
    network();
    const storage = memoryStorage();
    await runExtension(THANK_YOU, thankYouShopify('gid://shopify/Order/1001', CONFIG_URL, storage));
    await vi.waitFor(() => expect(buttons()).toHaveLength(11));
    act(() => render(null, document.body));
    await runExtension(THANK_YOU, thankYouShopify('gid://shopify/Order/1001', CONFIG_URL, storage));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(buttons()).toHaveLength(0);
    await runExtension(THANK_YOU, thankYouShopify('gid://shopify/Order/1002', CONFIG_URL, storage));
    await vi.waitFor(() => expect(buttons()).toHaveLength(11));
  });

  it('keeps an answer the endpoint refused and sends it again, same id and Idempotency-Key, on the next visit', async () => {
    const net = network({ endpointStatus: 503 });
    const storage = memoryStorage();
    await runExtension(THANK_YOU, thankYouShopify('gid://shopify/Order/1001', CONFIG_URL, storage));
    await vi.waitFor(() => expect(buttons()).toHaveLength(11));
    await click('3');
    await vi.waitFor(() => expect(net.posted).toHaveLength(1));
    net.state.endpointStatus = 204;
    act(() => render(null, document.body));
    await runExtension(THANK_YOU, thankYouShopify('gid://shopify/Order/1001', CONFIG_URL, storage));
    await vi.waitFor(() => expect(net.posted).toHaveLength(2));
    expect(net.posted[1]!.body.answers.map((a) => a['value'])).toEqual([3]);
    expect(net.posted[1]!.body.answers[0]!['id']).toBe(net.posted[0]!.body.answers[0]!['id']);
    expect(net.posted[1]!.headers['idempotency-key']).toBe(net.posted[0]!.headers['idempotency-key']);
    await vi.waitFor(async () => expect(await storage.read('moments:pending')).toEqual([]));
  });

  it('shows nothing and says why when the config is missing or has no purchase survey', async () => {
    network();
    await runExtension(THANK_YOU, thankYouShopify('gid://shopify/Order/1001', 'https://tidewater.example/missing.json'));
    await vi.waitFor(() =>
      expect(console.warn).toHaveBeenCalledWith(
        expect.stringContaining('could not load https://tidewater.example/missing.json (HTTP 404)'),
      ),
    );
    expect(buttons()).toHaveLength(0);
  });
});

describe('customer-account.order-status.block.render', () => {
  it('asks delivery once the order has loaded and the Customer Account API says it is fulfilled', async () => {
    const net = network();
    const { api, load } = orderStatusShopify(CONFIG_URL);
    await runExtension(ORDER_STATUS, api);
    expect(buttons()).toHaveLength(0);
    act(() => void load('gid://shopify/Order/2002'));
    await vi.waitFor(() => expect(buttons()).toHaveLength(5));
    expect(net.queries).toEqual([{ query: expect.stringContaining('fulfillmentStatus'), variables: { id: 'gid://shopify/Order/2002' } }]);
    await click('4');
    await vi.waitFor(() => expect(net.posted).toHaveLength(1));
    expect(net.posted[0]!.body.answers[0]).toMatchObject({
      moment: 'delivery',
      surveyId: 'delivery-csat',
      value: 4,
      locale: 'de',
      context: { orderId: 'gid://shopify/Order/2002' },
    });
    expect(document.body.textContent).toContain('Danke!');
  });

  it('asks nothing while the order is not fulfilled', async () => {
    const net = network({ fulfillment: 'IN_PROGRESS' });
    const { api, load } = orderStatusShopify(CONFIG_URL);
    await runExtension(ORDER_STATUS, api);
    act(() => void load('gid://shopify/Order/2003'));
    await vi.waitFor(() => expect(net.queries).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(buttons()).toHaveLength(0);
  });
});
