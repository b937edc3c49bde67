import { useEffect, useState } from 'react';
import { publishedVerifierKey, type VerifierKey } from './verify.ts';

/** The log's published verifier key: undefined while loading, null when the server has none or it is malformed. */
export function useVerifierKey(): VerifierKey | null | undefined {
  const [key, setKey] = useState<VerifierKey | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void publishedVerifierKey().then((k) => live && setKey(k));
    return () => {
      live = false;
    };
  }, []);
  return key;
}
