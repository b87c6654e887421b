import type { ReactNode } from 'react';
import { BatteryLow, Blend, CloudLightning, CloudRain, Flame, HeartCrack, Leaf, Smile } from 'lucide-react';

const ICONS: Record<string, (size: number) => ReactNode> = {
  happy: (size) => <Smile size={size} />,
  calm: (size) => <Leaf size={size} />,
  sad: (size) => <CloudRain size={size} />,
  angry: (size) => <Flame size={size} />,
  worried: (size) => <CloudLightning size={size} />,
  hurt: (size) => <HeartCrack size={size} />,
  tired: (size) => <BatteryLow size={size} />,
  mixed: (size) => <Blend size={size} />,
};

/** The icon beside a core feeling's word (decoration: the word always carries the meaning). */
export function CoreIcon({ core, size = 24 }: { core: string; size?: number }) {
  const icon = ICONS[core];
  return (
    <span className="core-icon" aria-hidden="true">
      {icon ? icon(size) : <Blend size={size} />}
    </span>
  );
}
