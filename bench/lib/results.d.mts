// SPDX-License-Identifier: MIT
export const ROOT: string;
export const RESULTS_DIR: string;
export function packageVersion(name: string): string;
export function machine(chromiumPath?: string): { cores: number; cpu: string; memoryGiB: number; node: string; chromium?: string };
export function median(values: number[]): number;
export function ratio(value: number, base: number): string;
export function ms(value: number): string;
export function markdownTable(header: string[], rows: unknown[][]): string;
export function report(name: string, result: { title: string; table: string; notes?: string[]; data: Record<string, unknown> }): void;
