// First: before any module creates a zod schema.
import "../../src/zod-jitless.ts";
import { render } from "preact";
import { App } from "../../src/panel/App.tsx";
import "../../src/panel/panel.css";

const root = document.getElementById("app");
if (root) render(<App />, root);
