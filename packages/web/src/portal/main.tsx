import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { applyElder, storedElder } from './elder.ts';
import { Portal } from './App.tsx';
import './portal.css';

// Before the first paint, so an elder-mode visitor never sees the small type flash.
applyElder(storedElder());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Portal />
    </BrowserRouter>
  </StrictMode>,
);
