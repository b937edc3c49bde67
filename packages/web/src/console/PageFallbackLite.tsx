import { Spin } from 'antd';

/** Shown while the session or a lazy chunk loads. */
export function PageFallbackLite() {
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}
