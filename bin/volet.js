#!/usr/bin/env node
// The installed `volet` command: runs the compiled CLI (build with `npm run build`).
import { main } from '../dist/generator/cli/main.js';

await main();
