import { StrictMode, useEffect, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from '../api.ts';

interface Me {
  user: { username: string; displayName: string; grants: { role: string }[] };
}

function Console() {
  const [me, setMe] = useState<Me['user'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [needTotp, setNeedTotp] = useState(false);

  useEffect(() => {
    api<Me>('GET', '/api/auth/me').then(
      (m) => setMe(m.user),
      () => setMe(null),
    );
  }, []);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: Record<string, string> = {
      username: String(form.get('username')),
      password: String(form.get('password')),
    };
    if (needTotp) body.totp = String(form.get('totp'));
    try {
      setMe((await api<Me>('POST', '/api/auth/login', body)).user);
      setError(null);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'totp_required') setNeedTotp(true);
      setError((err as Error).message);
    }
  }

  const style = {
    maxWidth: 420,
    margin: '10vh auto',
    padding: 24,
    fontFamily: 'system-ui, "Microsoft YaHei", sans-serif',
  };
  if (me) {
    return (
      <main style={style}>
        <h1>政协评议整改平台</h1>
        <p>
          欢迎，{me.displayName}（{me.grants.map((g) => g.role).join('、')}）
        </p>
        <button onClick={() => api('POST', '/api/auth/logout').then(() => setMe(null))}>退出登录</button>
      </main>
    );
  }
  return (
    <main style={style}>
      <h1>政协评议整改平台</h1>
      <form onSubmit={submit}>
        <p>
          <label>
            用户名 <input name="username" autoComplete="username" required />
          </label>
        </p>
        <p>
          <label>
            密码 <input name="password" type="password" autoComplete="current-password" required />
          </label>
        </p>
        {needTotp && (
          <p>
            <label>
              动态口令 <input name="totp" inputMode="numeric" pattern="\d{6}" required />
            </label>
          </p>
        )}
        <button type="submit">登录</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Console />
  </StrictMode>,
);
