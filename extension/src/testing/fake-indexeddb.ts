/**
 * Installs an in-memory IndexedDB on globalThis before Dexie opens a database. Import it first in
 * a test file; tests outside the extension package (tests/sync) import it from here because only
 * the extension depends on fake-indexeddb.
 */
import "fake-indexeddb/auto";
