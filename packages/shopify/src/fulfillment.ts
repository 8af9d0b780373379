// SPDX-License-Identifier: MIT

/** The Customer Account API, as customer-account extensions reach it (no token: Shopify adds it). */
export const CUSTOMER_ACCOUNT_API = 'shopify://customer-account/api/2025-10/graphql.json';

const QUERY = 'query MomentsOrderFulfillment($id: ID!) { order(id: $id) { fulfillmentStatus } }';

type Post = (url: string, init: RequestInit) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

/**
 * Whether the order is fulfilled (`Order.fulfillmentStatus` of the Customer Account API, since
 * 2025-04): the Order-status page asks `delivery` only then. Any error reads as "not yet".
 */
export async function isFulfilled(orderId: string, post: Post = fetch): Promise<boolean> {
  try {
    const response = await post(CUSTOMER_ACCOUNT_API, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { id: orderId } }),
    });
    if (!response.ok) return false;
    const result = (await response.json()) as { data?: { order?: { fulfillmentStatus?: string } | null } };
    return result.data?.order?.fulfillmentStatus === 'FULFILLED';
  } catch {
    return false;
  }
}
