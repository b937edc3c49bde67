// @rectify/nlp — Chinese text analytics for the platform: normalisation, personal-data masking,
// segmentation, category classification and routing, near-duplicate linking, hot topics, reply
// quality and sentiment. Every analysis result carries the version that produced it.
export { NLP_VERSION } from './version.ts';
export * from './normalize/index.ts';
export * from './mask/index.ts';
export * from './segment/index.ts';
export * from './classify/index.ts';
export * from './dedupe/index.ts';
export * from './topics/index.ts';
export * from './reply/index.ts';
export * from './sentiment/index.ts';
export { readJsonl } from './data/jsonl.ts';
export { parseLabelled, bodyOf, LabelledMessageSchema, type LabelledMessage } from './data/messages.ts';
export { registerNlpCommands } from './cli.ts';
