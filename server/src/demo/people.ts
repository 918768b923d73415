import type { Role } from "@naast/shared";

/** Every demo account has this password; it is printed at start so nobody has to look for it. */
export const demoPassword = "naast-demo-2026";

export const demoOrganisations = [
  { id: "org-ggd", name: "GGD Gelderland-Zuid, Bijzondere Zorg", shortName: "GGD", key: "ggd" },
  { id: "org-iriszorg", name: "Iriszorg", shortName: "Iriszorg", key: "iriszorg" },
  { id: "org-ldh", name: "Leger des Heils", shortName: "LDH", key: "ldh" },
  { id: "org-gemeente", name: "Gemeente Nijmegen", shortName: "Gemeente", key: "gemeente", kind: "municipality" },
] as const;

export type DemoOrganisationId = (typeof demoOrganisations)[number]["id"];

export const demoPeople: { id: string; name: string; email: string; organisationId: DemoOrganisationId; role: Role }[] = [
  { id: "u-fatima", name: "Fatima El Amrani", email: "fatima@iriszorg.demo", organisationId: "org-iriszorg", role: "casemanager" },
  { id: "u-ruben", name: "Ruben Hendriks", email: "ruben@iriszorg.demo", organisationId: "org-iriszorg", role: "casemanager" },
  { id: "u-ingrid", name: "Ingrid Willems", email: "ingrid@iriszorg.demo", organisationId: "org-iriszorg", role: "coordinator" },
  { id: "u-iris-admin", name: "Beheer Iriszorg", email: "beheer@iriszorg.demo", organisationId: "org-iriszorg", role: "admin" },
  { id: "u-marieke", name: "Marieke Verhoeven", email: "marieke@ldh.demo", organisationId: "org-ldh", role: "casemanager" },
  { id: "u-joost", name: "Joost van Dam", email: "joost@ldh.demo", organisationId: "org-ldh", role: "casemanager" },
  { id: "u-sanne", name: "Sanne Peters", email: "sanne@ldh.demo", organisationId: "org-ldh", role: "ervaringsdeskundige" },
  { id: "u-lotte", name: "Lotte Kuipers", email: "lotte@ggd.demo", organisationId: "org-ggd", role: "casemanager" },
  { id: "u-peter", name: "Peter Brouwer", email: "peter@gemeente.demo", organisationId: "org-gemeente", role: "procesregisseur" },
  { id: "u-nadia", name: "Nadia Yilmaz", email: "nadia@gemeente.demo", organisationId: "org-gemeente", role: "policy" },
];

/** The case manager who holds each owner organisation's demo clients. */
export const demoCaseManagerOf = { iriszorg: "u-fatima", ldh: "u-marieke", ggd: "u-lotte" } as const;
