import { api } from '../../api.ts';

/** Evidence files (佐证材料): uploaded by SHA-256, served scoped by the server (features/evidence). */

export interface PhotoFacts {
  takenAt: string | null;
  latitude: number | null;
  longitude: number | null;
  make: string | null;
  model: string | null;
}

export interface EvidenceFile {
  mime: string;
  size: number;
  originalName: string | null;
  exif: PhotoFacts | null;
}

export interface UploadedEvidence extends EvidenceFile {
  sha256: string;
}

export const evidenceUrl = (sha256: string) => `/api/evidence/${sha256}`;

/** Uploads files as evidence (multipart); they come back by SHA-256 with their sniffed type and photo EXIF. */
export function uploadEvidence(files: File[]): Promise<UploadedEvidence[]> {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return api<{ items: UploadedEvidence[] }>('POST', '/api/evidence', form).then((r) => r.items);
}
