import { useSyncExternalStore } from 'react';

/** The signed-in API key, remembered in this browser until the person signs out. */
const STORAGE_KEY = 'stockroom.apiKey';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let current = read();

export function apiKey(): string | null {
  return current;
}

export function setApiKey(key: string | null): void {
  current = key;
  try {
    if (key === null) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Private browsing may refuse storage: the key then lasts for this tab only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useApiKey(): string | null {
  return useSyncExternalStore(subscribe, apiKey);
}
