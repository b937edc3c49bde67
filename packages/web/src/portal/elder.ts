import { createContext } from 'react';

/** 适老化 mode: large type and high contrast, remembered on this device. */
const KEY = 'rectify.portal.elder';

export function storedElder(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function applyElder(on: boolean): void {
  document.documentElement.classList.toggle('elder', on);
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // private mode: lasts for this page only
  }
}

/** Whether elder mode is on, for pages that simplify their flow (optional parts folded away). */
export const ElderMode = createContext(false);
