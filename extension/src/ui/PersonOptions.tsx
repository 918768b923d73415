import type { Person } from "@naast/shared";
import type { Directory } from "../records/queries.ts";

/** One `<option>` per person, with her organisation: "Fatima El Amrani (Iriszorg)". */
export function PersonOptions({ people, directory }: { people: readonly Person[]; directory: Directory }) {
  return (
    <>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name} ({directory.organisations.get(p.organisationId)?.shortName ?? "?"})
        </option>
      ))}
    </>
  );
}
