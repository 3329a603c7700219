#!/usr/bin/env node
// Installed as `lantern` (npm link / npx lantern). Runs the compiled CLI.
import '../dist/apps/cli/src/main.js';
