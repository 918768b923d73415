/**
 * The few FHIR R4 (4.0.1) data types and resources the export emits, typed only as far as we
 * fill them. (@types/fhir in the registry is an old release; these stay strict and small.)
 */

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference?: string;
  /** The resource type referred to, e.g. "Patient". */
  type?: string;
  display?: string;
}

/** Dates are FHIR date / dateTime strings: "1979", "2024-03-11", "2024-03-12T09:30:00Z". */
export interface Period {
  start?: string;
  end?: string;
}

export interface Annotation {
  text: string;
  time?: string;
}

export interface Narrative {
  status: "generated" | "additional";
  /** XHTML in a div with the XHTML namespace. */
  div: string;
}

export interface Identifier {
  system: string;
  value: string;
}

export interface Patient {
  resourceType: "Patient";
  name: { use: "usual"; text: string; given: string[] }[];
  birthDate: string;
}

export interface Organization {
  resourceType: "Organization";
  active: boolean;
  name: string;
  alias?: string[];
}

export type GoalLifecycleStatus = "proposed" | "planned" | "accepted" | "active" | "on-hold" | "completed" | "cancelled";

export interface Goal {
  resourceType: "Goal";
  lifecycleStatus: GoalLifecycleStatus;
  achievementStatus?: CodeableConcept;
  category: CodeableConcept[];
  description: CodeableConcept;
  subject: Reference;
  statusDate?: string;
  note?: Annotation[];
}

export type CarePlanActivityStatus = "not-started" | "scheduled" | "in-progress" | "on-hold" | "completed" | "cancelled" | "stopped" | "unknown";

export interface CarePlanActivity {
  detail: {
    status: CarePlanActivityStatus;
    description: string;
    scheduledPeriod?: Period;
    performer?: Reference[];
    goal?: Reference[];
  };
  progress?: Annotation[];
}

export interface CarePlan {
  resourceType: "CarePlan";
  status: "draft" | "active" | "on-hold" | "revoked" | "completed" | "unknown";
  intent: "plan";
  title: string;
  subject: Reference;
  created: string;
  author: Reference;
  goal?: Reference[];
  activity?: CarePlanActivity[];
}

export interface ConsentProvision {
  type: "permit" | "deny";
  period?: Period;
  actor?: { role: CodeableConcept; reference: Reference }[];
  purpose?: Coding[];
  code?: CodeableConcept[];
  provision?: ConsentProvision[];
}

export interface Consent {
  resourceType: "Consent";
  status: "draft" | "proposed" | "active" | "rejected" | "inactive";
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime: string;
  performer: Reference[];
  organization: Reference[];
  policy: { uri: string }[];
  policyRule: CodeableConcept;
  provision: ConsentProvision;
}

export interface CompositionSection {
  title: string;
  code?: CodeableConcept;
  text?: Narrative;
  entry?: Reference[];
  section?: CompositionSection[];
}

export interface Composition {
  resourceType: "Composition";
  language: string;
  status: "final";
  type: CodeableConcept;
  subject: Reference;
  date: string;
  author: Reference[];
  title: string;
  confidentiality: "R";
  custodian: Reference;
  section: CompositionSection[];
}

export type Resource = Patient | Organization | Goal | CarePlan | Consent | Composition;

export interface BundleEntry {
  fullUrl: string;
  resource: Resource;
}

export interface Bundle {
  resourceType: "Bundle";
  language: string;
  identifier: Identifier;
  type: "document";
  timestamp: string;
  entry: BundleEntry[];
}
