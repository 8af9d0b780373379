import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createMoments,
  parseConfig,
  type MomentsClient,
  type MomentsConfigInput,
  type Survey,
  type SurveyHandlers,
} from '../../src/index.js';

const survey = { id: 'post-purchase', moment: 'purchase', question: { type: 'nps', text: 'Recommend us?' } };
const base = { endpoint: 'http://127.0.0.1:9/collect', surveys: [survey] };
type Win = Window & { dataLayer?: unknown[] };

let client: MomentsClient | undefined;
// The endpoint accepts everything: these tests are about the dataLayer, not delivery.
beforeEach(() =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(null, { status: 204 })),
  ),
);
afterEach(() => {
  client?.destroy();
  delete (window as Win).dataLayer;
  vi.unstubAllGlobals();
});

/** A client whose UI hands the test the survey's handlers, as the card would on a click. */
async function shownSurvey(config: MomentsConfigInput) {
  let handlers: SurveyHandlers | undefined;
  const show = vi.fn((_: Survey, h: SurveyHandlers) => {
    handlers = h;
    return { close: () => undefined };
  });
  client = createMoments(config, { show });
  client.trigger('purchase', { orderId: 'A-1001', email: 'shopper@example.com' });
  await vi.waitFor(() => expect(show).toHaveBeenCalledOnce());
  return handlers!;
}

describe('dataLayerOut', () => {
  it('pushes moments_shown, then moments_answered with the score, without the context', async () => {
    const handlers = await shownSurvey({ ...base, dataLayerOut: true });
    await vi.waitFor(() =>
      expect((window as Win).dataLayer).toEqual([{ event: 'moments_shown', moment: 'purchase', survey: 'post-purchase' }]),
    );
    await handlers.answer(9);
    expect((window as Win).dataLayer).toEqual([
      { event: 'moments_shown', moment: 'purchase', survey: 'post-purchase' },
      { event: 'moments_answered', moment: 'purchase', survey: 'post-purchase', score: 9 },
    ]);
    expect(JSON.stringify((window as Win).dataLayer)).not.toMatch(/A-1001|shopper@/);
  });

  it('pushes moments_dismissed, through the push GTM installed on an existing dataLayer', async () => {
    const gtmSeen: unknown[] = [];
    const layer: unknown[] = [{ event: 'gtm.js' }];
    (layer as unknown as { push: (e: unknown) => number }).push = (entry: unknown) => gtmSeen.push(entry);
    (window as Win).dataLayer = layer;
    const handlers = await shownSurvey({ ...base, dataLayerOut: true });
    handlers.dismiss();
    await vi.waitFor(() => expect(gtmSeen).toContainEqual({ event: 'moments_dismissed', moment: 'purchase', survey: 'post-purchase' }));
    expect(gtmSeen[0]).toEqual({ event: 'moments_shown', moment: 'purchase', survey: 'post-purchase' });
  });

  it('is off by default: no dataLayer is created', async () => {
    const handlers = await shownSurvey(base);
    await handlers.answer(7);
    expect((window as Win).dataLayer).toBeUndefined();
  });

  it('a dataLayer whose push throws never breaks the survey', async () => {
    (window as Win).dataLayer = Object.assign([], {
      push: () => {
        throw new Error('broken tag');
      },
    });
    const handlers = await shownSurvey({ ...base, dataLayerOut: true });
    const answered = vi.fn();
    client!.on('answered', answered);
    await handlers.answer(10);
    expect(answered).toHaveBeenCalledOnce();
  });

  it('stops pushing when the client is destroyed', async () => {
    const handlers = await shownSurvey({ ...base, dataLayerOut: true });
    await vi.waitFor(() => expect((window as Win).dataLayer).toHaveLength(1));
    client!.destroy();
    await handlers.answer(9).catch(() => undefined);
    expect((window as Win).dataLayer).toHaveLength(1);
  });

  it('is a boolean in the config schema', () => {
    expect(parseConfig({ ...base, dataLayerOut: true }).issues).toEqual([]);
    expect(parseConfig({ ...base, dataLayerOut: 'yes' }).issues).toEqual([
      { path: 'dataLayerOut', message: expect.stringMatching(/true or false/) },
    ]);
  });
});
