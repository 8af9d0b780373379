// SPDX-License-Identifier: MIT
// The Polaris web components' element types (s-section, s-button, …) for both order pages.
import type {} from '@shopify/ui-extensions/purchase.thank-you.block.render';
import type {} from '@shopify/ui-extensions/customer-account.order-status.block.render';
import { httpTransport, type Answer, type AnswerValue, type MomentsConfig, type Survey, type Transport } from '@moments/core/internal';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { createAnswer } from './answer.js';
import type { OrderPageApi } from './api.js';
import { choicesOf } from './choices.js';
import { loadSurvey } from './config.js';
import { deliver, endpointOf } from './delivery.js';
import { createStore } from './store.js';

export interface OrderSurveyProps {
  /** `purchase` (Thank-you page) or `delivery` (Order-status page). */
  moment: string;
  /** The order the answer is about; nothing is asked until it is known. */
  orderId: string | undefined;
  api: OrderPageApi;
  /** For tests: how the config is fetched, answers are sent, ids are made. */
  fetchJson?: (url: string) => Promise<unknown>;
  transport?: Transport;
  createId?: () => string;
}

type Asking = { config: MomentsConfig; endpoint: string; survey: Survey };

/**
 * Asks the config's survey for `moment` about one order, once per order (`oncePer: "orderId"`,
 * remembered in `shopify.storage`), in Polaris web components, and posts the answer to the
 * config's endpoint as `moments.js` would. Renders nothing when there is nothing to ask.
 */
export function OrderSurvey({
  moment,
  orderId,
  api,
  fetchJson,
  transport = httpTransport,
  createId = randomId,
}: OrderSurveyProps): JSX.Element | null {
  const store = useMemo(() => createStore(api.storage, createId), [api.storage, createId]);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [answered, setAnswered] = useState<AnswerValue | undefined>(undefined);
  const configUrl = typeof api.settings.value['config_url'] === 'string' ? api.settings.value['config_url'] : undefined;

  useEffect(() => {
    if (!orderId) return undefined;
    let live = true;
    void (async () => {
      const found = await loadSurvey(configUrl, moment, fetchJson);
      if (!found.ok) return console.warn(`[moments] shopify: ${found.reason}`);
      const endpoint = endpointOf(found.config, configUrl!);
      if (!endpoint) return console.warn(`[moments] shopify: the config's endpoint must be an https URL`);
      await deliver(found.config, endpoint, store, [], transport); // answers a past visit could not send
      if (!live || (await store.wasAsked(found.survey.id, orderId))) return;
      await store.markAsked(found.survey.id, orderId);
      if (live) setAsking({ config: found.config, endpoint, survey: found.survey });
    })();
    return () => {
      live = false;
    };
  }, [orderId, moment, configUrl]);

  if (!asking || !orderId) return null;
  const { survey } = asking;
  const pick = async (value: AnswerValue) => {
    setAnswered(value);
    const answer: Answer = createAnswer({
      survey,
      moment,
      value,
      orderId,
      visitorId: await store.visitorId(),
      url: api.shop.storefrontUrl ?? `https://${api.shop.myshopifyDomain}`,
      locale: api.localization.language.value.isoCode,
      id: createId(),
    });
    await deliver(asking.config, asking.endpoint, store, [answer], transport);
  };

  if (answered !== undefined) {
    return (
      <s-section>
        <s-text>{survey.thanks ?? 'Thank you for your feedback!'}</s-text>
      </s-section>
    );
  }
  const { lowLabel, highLabel } = survey.question;
  return (
    <s-section heading={survey.question.text}>
      <s-stack direction="inline" gap="small-200">
        {choicesOf(survey.question).map((choice) => (
          <s-button key={String(choice.value)} variant="secondary" onClick={() => void pick(choice.value)}>
            {choice.label}
          </s-button>
        ))}
      </s-stack>
      {lowLabel || highLabel ? (
        <s-text color="subdued">
          {lowLabel ?? ''}
          {lowLabel && highLabel ? ' · ' : ''}
          {highLabel ?? ''}
        </s-text>
      ) : null}
    </s-section>
  );
}

function randomId(): string {
  return crypto.randomUUID();
}
