import { useMediaQuery } from '@mantine/hooks';

/** True on handheld-sized screens, where wide tables become stacked lists. */
export function useCompact(): boolean {
  return useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false }) ?? false;
}
