import { zrmScores } from "@naast/shared";
import { useT } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";

/** A ZRM score from 1 to 5 with its level's name ("2 – niet zelfredzaam"), or none ("–"). */
export function ScoreSelect({ name, value, onChange }: { name: string; value: string; onChange(value: string): void }) {
  const t = useT();
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">–</option>
      {zrmScores.map((s) => (
        <option key={s} value={String(s)}>
          {s} – {t(zrmLevelKey(s))}
        </option>
      ))}
    </select>
  );
}

/** The catalogue key of a ZRM level's name: 1 "acute problematiek" … 5 "volledig zelfredzaam". */
export const zrmLevelKey = (score: number) => `zrm.level.${score}` as MessageKey;
