import type { RegionSettings } from '@rectify/domain/settings/schemas';
import type { SettingsContext } from '../lib/settingsDraft.ts';

/** What each section of the settings form gets: the context, the draft and a way to change it, the draft's issues. */
export interface SectionProps {
  ctx: SettingsContext;
  draft: RegionSettings;
  update: (change: (draft: RegionSettings) => RegionSettings) => void;
  issues: Map<string, string[]>;
  canEdit: boolean;
}
