// SPDX-License-Identifier: MIT
/**
 * A declarative schema in a few hundred bytes: what the config needs of zod/mini (objects,
 * optional fields, checks with plain-word messages, inferred types) without zod's core, which
 * costs ~5 KB gzip in the chunk every shown survey loads (measured: DESIGN.md "Weight").
 * `zodConfigSchema` wraps these schemas for apps that compose them into their own zod schemas.
 */

/** One problem: where (relative to the value checked) and what was expected. */
export interface SchemaIssue {
  path: PropertyKey[];
  message: string;
}

/** A schema: checks a value and reports issues; `T` is the type a valid value has. */
export interface Schema<T> {
  check(value: unknown, path: PropertyKey[], issues: SchemaIssue[]): void;
  /** Object schemas: the keys they declare (`clean` ignores and reports the others). */
  readonly shape?: Shape;
  /** Optional fields may be absent. */
  readonly optional?: true;
  /** Type only: never set. */
  readonly _type?: T;
}

type Shape = { readonly [key: string]: Schema<unknown> };

/** The type a schema accepts. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
type ObjectOf<S extends Shape> = Flat<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { -readonly [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

/** Reports a problem with the value being checked, or with a part of it (`at`). */
export type Fail = (message: string, at?: PropertyKey[]) => void;

/** A schema from a test function, e.g. `rule<number>((v, fail) => typeof v === 'number' || fail('expected a number'))`. */
export function rule<T>(test: (value: unknown, fail: Fail) => unknown): Schema<T> {
  return {
    check(value, path, issues) {
      test(value, (message, at = []) => void issues.push({ path: [...path, ...at], message }));
    },
  };
}

/** The same schema, allowed to be absent (`undefined`). */
export function optional<T>(schema: Schema<T>): Schema<T | undefined> & { readonly optional: true } {
  return { ...schema, optional: true, check: (value, path, issues) => value === undefined || schema.check(value, path, issues) };
}

/** A plain object with these fields; `also` checks rules across fields (after the fields pass). */
export function object<S extends Shape>(shape: S, also?: (value: ObjectOf<S>, fail: Fail) => void): Schema<ObjectOf<S>> {
  return {
    shape,
    check(value, path, issues) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return void issues.push({ path, message: 'expected object' });
      const before = issues.length;
      for (const key of Object.keys(shape)) shape[key]!.check((value as Record<string, unknown>)[key], [...path, key], issues);
      if (also && issues.length === before) rule<unknown>((v, fail) => also(v as ObjectOf<S>, fail)).check(value, path, issues);
    },
  };
}

/** Checks `value`; resolves to the issues found (none: the value has type `T`). */
export function validate<T>(schema: Schema<T>, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  schema.check(value, [], issues);
  return issues;
}
