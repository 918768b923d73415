// First: before any module creates a zod schema.
import "../../src/zod-jitless.ts";
import { render } from "preact";
import { App } from "../../src/app/App.tsx";
import "../../src/app/panel.css";

const root = document.getElementById("app");
if (root) render(<App />, root);
