import { zrmScores } from "@naast/shared";

/** A ZRM score from 1 to 5, or none ("–"). */
export function ScoreSelect({ name, value, onChange }: { name: string; value: string; onChange(value: string): void }) {
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">–</option>
      {zrmScores.map((s) => (
        <option key={s} value={String(s)}>
          {s}
        </option>
      ))}
    </select>
  );
}
