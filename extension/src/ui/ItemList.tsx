import { Fragment, type VNode } from "preact";

/** A section's list: its items, each as `item` renders it (an `<li>`), or a hint when there are none. */
export function ItemList<T extends { id: string }>({ items, empty, item }: { items: readonly T[]; empty: string; item(value: T): VNode }) {
  return (
    <>
      {items.length === 0 && <p class="hint">{empty}</p>}
      <ul>
        {items.map((value) => (
          <Fragment key={value.id}>{item(value)}</Fragment>
        ))}
      </ul>
    </>
  );
}
