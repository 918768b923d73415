import { createContext } from "preact";
import type { Directory, YearFigures } from "../records/queries.ts";

/**
 * What the client views read beside a client's own records: the directory (names of colleagues
 * and organisations) and this year's flexbudget and time-out figures. Read once by the panel
 * (App, while unlocked) and kept from one client to the next, so opening the next client reads
 * her records only. `undefined` while loading or locked.
 */
export interface PanelData {
  directory: Directory | undefined;
  figures: YearFigures | undefined;
}

export const PanelDataContext = createContext<PanelData>({ directory: undefined, figures: undefined });
