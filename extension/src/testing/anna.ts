import type { RecordOf } from "@naast/shared";
import { day } from "@naast/shared/testing/fixtures";

/** Anna as a device holds her: Iriszorg's client, Fatima responsible, since day 0. For unit tests of the panel's derivations. */
export const anna: RecordOf<"clients"> = {
  id: "anna",
  alias: "Anna",
  birthYear: 1990,
  ownerOrganisationId: "iriszorg",
  responsibleUserId: "fatima",
  status: "active",
  formerOwners: [],
  closure: null,
  covenants: [],
  createdAt: day(0),
  updatedAt: day(0),
};
