import type { FunctionComponent } from "preact";
import type { MessageKey } from "../i18n/nl.ts";
import type { Session } from "../storage/db.ts";
import { AdaptersSection } from "./adapters/AdaptersSection.tsx";
import { UnassignedWorkSection } from "./UnassignedWorkSection.tsx";
import { UsersSection } from "./UsersSection.tsx";

/** What every section of the Beheer view gets: who she is, and a signal that something changed. */
export interface BeheerSectionProps {
  session: Session;
  /** Raised after any change in Beheer; a section that shows server data fetches again when it moves. */
  version: number;
  changed(): void;
}

/**
 * The sections of the Beheer view, in order. A new part of the admin's work (the EPD portal
 * adapters of her organisation, issue 19) is one more entry here: a heading key and a component
 * that renders its own content below that heading.
 */
export interface BeheerSection {
  key: string;
  title: MessageKey;
  Component: FunctionComponent<BeheerSectionProps>;
}

export const beheerSections: readonly BeheerSection[] = [
  { key: "users", title: "beheer.users.title", Component: UsersSection },
  { key: "unassigned", title: "beheer.unassigned.title", Component: UnassignedWorkSection },
  { key: "adapters", title: "beheer.adapters.title", Component: AdaptersSection },
];
