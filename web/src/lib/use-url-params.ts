import { useSearchParams } from 'react-router';

/**
 * A list's filters kept in the URL, so a filtered list can be bookmarked, shared and reloaded.
 * Setting a filter to null or '' removes it; the history entry is replaced, not added to.
 */
export function useUrlParams(): [URLSearchParams, (name: string, value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const setParam = (name: string, value: string | null) => {
    setParams((p) => {
      if (value) p.set(name, value);
      else p.delete(name);
      return p;
    }, { replace: true });
  };
  return [params, setParam];
}
