import type { Client } from "@naast/shared";

/** Lower case, without accents or spaces: "Anouk " and "anoúk" are the same roepnaam. */
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/\s+/g, "")
    .toLowerCase();

/**
 * The clients this device holds (so only those the organisation may see) that match a search
 * by roepnaam and/or birth year: "anouk", "1994", "anouk 1994".
 */
export function searchClients<C extends Pick<Client, "alias" | "birthYear">>(clients: readonly C[], query: string): C[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...clients];
  return clients.filter((c) => words.every((w) => (/^\d{4}$/.test(w) ? c.birthYear === Number(w) : fold(c.alias).includes(fold(w)))));
}

/** A client that is likely the one about to be created: the same roepnaam (either contains the other) and birth year within a year. */
export function likelyDuplicates<C extends Pick<Client, "alias" | "birthYear">>(clients: readonly C[], alias: string, birthYear: number): C[] {
  const name = fold(alias);
  if (name.length < 2 || !Number.isInteger(birthYear)) return [];
  return clients.filter((c) => {
    const other = fold(c.alias);
    return (other.includes(name) || name.includes(other)) && Math.abs(c.birthYear - birthYear) <= 1;
  });
}
