import { useSearchParams } from 'react-router';
import { CampaignDetail } from './components/CampaignDetail.tsx';
import { CampaignList } from './components/CampaignList.tsx';

/**
 * 评议活动: the list, or one campaign when the address names it (`?id=…&tab=…`), so a campaign and its tab can be
 * linked to and survive a reload while the menu keeps one entry.
 */
export default function CampaignsPage() {
  const [params] = useSearchParams();
  const id = params.get('id');
  return id ? <CampaignDetail key={id} id={id} /> : <CampaignList />;
}
