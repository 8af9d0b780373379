// SPDX-License-Identifier: MIT
/** Name and version sent with every answer; a unit test keeps it equal to package.json. */
export const SDK = { name: 'moments', version: '0.1.0' } as const;
