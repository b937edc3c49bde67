import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** packages/nlp */
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
/** The shared labelled data beside the repository (../shared/data/messages from the repo root),
 * overridable with RECTIFY_MESSAGES_DIR. Never copied into the repository. */
export const MESSAGES_DIR = process.env.RECTIFY_MESSAGES_DIR ?? resolve(PACKAGE_DIR, '../../../shared/data/messages');
export const DEFAULT_TRAIN_DATA = resolve(MESSAGES_DIR, 'train.jsonl');
