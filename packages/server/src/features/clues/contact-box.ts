import type { Config } from '../../config.ts';
import { CryptoBox } from '../../lib/crypto-box.ts';

const boxes = new WeakMap<Config, CryptoBox>();

/** The contact-encryption keys of this configuration (loaded once per configuration). */
export function contactBox(config: Config): CryptoBox {
  let box = boxes.get(config);
  if (!box) {
    box = CryptoBox.load(config.clues.contactKeys, config.clues.contactKeyFile);
    boxes.set(config, box);
  }
  return box;
}

/** Reporter contact details as stored (encrypted as one JSON value). */
export interface ClueContact {
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
}

export const contactAad = (clueId: string) => `clue:${clueId}`;
