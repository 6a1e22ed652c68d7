import { render } from "preact";
import { takeKeyFromFragment } from "./auth/keys";
import { App } from "./shell/App";

// A key in the fragment (#key=...) is stored for the session and removed from the address bar before anything renders.
takeKeyFromFragment();
const root = document.getElementById("app")!;
root.textContent = ""; // the boot text of index.html
render(<App />, root);
