import { type CollectionName, type RecordOf, visibilityOf } from "../store/collections.ts";
import { categoriesOf } from "../store/visibility.ts";
import type { DataCategory } from "./categories.ts";

/**
 * The records of a collection the user may see now, given the categories she may see of their
 * client (`may`, from accessibleCategories). The server purges what she may no longer see at the
 * next pull; a device that is offline when a consent ends stops showing it by this same rule,
 * through the same visibility the server delivers by (an afspraak about housing needs housing too).
 * Records that need no category (the client, her consents, the holder's own) are kept.
 */
export function shownRecords<C extends CollectionName>(
  collection: C,
  records: readonly RecordOf<C>[],
  may: (category: DataCategory) => boolean,
): RecordOf<C>[] {
  return records.filter((record) => {
    const visibility = visibilityOf(collection, record);
    return visibility.kind !== "category" || categoriesOf(visibility).every(may);
  });
}
