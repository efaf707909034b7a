/**
 * @fileoverview The version of the built-in requirement data, shown in every report's sign-off header.
 */

/** Bump when the embedded K2 rows, profiles or features change meaning. */
export const REQUIREMENT_SET_VERSION = 'k2-ports-2024.1+seed-9cde9e52';
