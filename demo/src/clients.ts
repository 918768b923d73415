/**
 * The invented clients of the demo. Each organisation's demo EPD shows them under its own EPD id;
 * the server's demo seed creates the shared Naast record and links those ids to it.
 * Names in an EPD are the organisation's own business: Naast itself stores only the alias.
 */
export type DemoOrganisationKey = "ggd" | "iriszorg" | "ldh" | "gemeente";

export interface DemoClient {
  /** Stable key the seed uses to find the client again. */
  key: string;
  /** Roepnaam as the team knows her; the only name Naast stores. */
  alias: string;
  birthYear: number;
  owner: Exclude<DemoOrganisationKey, "gemeente">;
  /** The full name the EPD shows (invented). */
  epdName: string;
  /** EPD ids per organisation that has this client in its own EPD. */
  epdIds: Partial<Record<Exclude<DemoOrganisationKey, "gemeente">, string>>;
}

export const demoClients: DemoClient[] = [
  {
    key: "anouk",
    alias: "Anouk",
    birthYear: 1991,
    owner: "iriszorg",
    epdName: "Anouk de Vries",
    epdIds: { iriszorg: "IZ-1001", ldh: "LDH-0042", ggd: "5501" },
  },
  { key: "sandra", alias: "Sandra", birthYear: 1984, owner: "ldh", epdName: "Sandra Jansen", epdIds: { ldh: "LDH-0043", iriszorg: "IZ-1002" } },
  { key: "priscilla", alias: "Priscilla", birthYear: 1996, owner: "iriszorg", epdName: "Priscilla Bakker", epdIds: { iriszorg: "IZ-1003", ggd: "5502" } },
  { key: "jolanda", alias: "Jolanda", birthYear: 1979, owner: "ldh", epdName: "Jolanda Visser", epdIds: { ldh: "LDH-0044" } },
  { key: "kim", alias: "Kim", birthYear: 2001, owner: "ggd", epdName: "Kim Smit", epdIds: { ggd: "5503", iriszorg: "IZ-1004" } },
  { key: "monique", alias: "Monique", birthYear: 1988, owner: "iriszorg", epdName: "Monique Meijer", epdIds: { iriszorg: "IZ-1005", ldh: "LDH-0045" } },
  { key: "chantal", alias: "Chantal", birthYear: 1993, owner: "ldh", epdName: "Chantal de Boer", epdIds: { ldh: "LDH-0046", ggd: "5504" } },
  { key: "esther", alias: "Esther", birthYear: 1975, owner: "ggd", epdName: "Esther Mulder", epdIds: { ggd: "5505" } },
];
