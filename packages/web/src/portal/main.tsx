import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from '../api.ts';

interface Health {
  status: string;
  db: string;
  version: string;
}

function Portal() {
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Health>('GET', '/api/health').then(setHealth, (e: Error) => setError(e.message));
  }, []);
  return (
    <main
      style={{ maxWidth: 640, margin: '0 auto', padding: 24, fontFamily: 'system-ui, "Microsoft YaHei", sans-serif' }}
    >
      <h1>民意直通车</h1>
      <p>政协评议整改平台公众门户：反映问题、查询进度、评价整改结果。</p>
      <p>
        <a href="/console/">工作人员登录</a> · <a href="/api/docs">接口文档</a>
      </p>
      <p role="status" aria-live="polite">
        {error ? `服务暂不可用：${error}` : health ? `服务运行正常（版本 ${health.version}）` : '正在连接服务…'}
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Portal />
  </StrictMode>,
);
