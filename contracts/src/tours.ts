/**
 * 现场观摩评比 (tours): filled in by the tours module.
 */
export {};
